namespace Broadcast.Ledger.Sqlite.Tests;

/// <summary>A temp folder for one test's database files, deleted at the end.</summary>
public sealed class TempFolder : IDisposable
{
    public DirectoryInfo Directory { get; } = System.IO.Directory.CreateTempSubdirectory("broadcast-ledger-test-");

    public string File(string name) => Path.Combine(Directory.FullName, name);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A file still being released on a loaded machine; the system cleans temp folders.
        }
    }
}

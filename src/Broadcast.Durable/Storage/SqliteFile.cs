using Microsoft.Data.Sqlite;

namespace Broadcast.Durable.Storage;

/// <summary>Opens connections to the engine's database file with the engine's settings.</summary>
internal static class SqliteFile
{
    public static SqliteConnection Open(string path, bool durableCommits)
    {
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = false,
            DefaultTimeout = 30,
        };
        var connection = new SqliteConnection(builder.ToString());
        connection.Open();
        var synchronous = durableCommits ? "FULL" : "NORMAL";
        Schema.Execute(connection, $"PRAGMA journal_mode = WAL; PRAGMA synchronous = {synchronous}; PRAGMA temp_store = MEMORY; PRAGMA busy_timeout = 30000;");
        return connection;
    }
}

namespace Broadcast.BadInput.Tests;

public static class RepositoryRoot
{
    public static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Broadcast.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No Broadcast.sln above {AppContext.BaseDirectory}; the tests run from the repository's build output.");
    }
}

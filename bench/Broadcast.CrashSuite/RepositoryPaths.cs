namespace Broadcast.CrashSuite;

/// <summary>Where the repository and the built programs are, found from the suite's own build output.</summary>
internal static class RepositoryPaths
{
    public static string Root()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Broadcast.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No Broadcast.sln above {AppContext.BaseDirectory}; run the suite from the repository's build output.");
    }

    /// <summary>
    /// A program built next to the suite (project references copy it with its runtime config), e.g.
    /// <c>Broadcast.Host.dll</c>, to run as <c>dotnet &lt;dll&gt;</c>.
    /// </summary>
    public static string Program(string assemblyName)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, assemblyName + ".dll");
        var runtimeConfig = Path.Combine(AppContext.BaseDirectory, assemblyName + ".runtimeconfig.json");
        return File.Exists(dll) && File.Exists(runtimeConfig)
            ? dll
            : throw new InvalidOperationException($"{assemblyName} is not built next to the suite ({dll}); build bench/Broadcast.CrashSuite first.");
    }

    /// <summary>The Azurite queue service installed by <c>npm ci</c> in <c>tools/azurite</c>.</summary>
    public static string AzuriteQueue()
    {
        var binary = Path.Combine(Root(), "tools", "azurite", "node_modules", ".bin", "azurite-queue");
        return File.Exists(binary)
            ? binary
            : throw new InvalidOperationException($"Azurite is not installed ({binary}); run 'npm ci' in tools/azurite (scripts/crash-suite.sh does).");
    }
}

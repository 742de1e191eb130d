namespace Broadcast.Dashboard.Tests;

/// <summary>Paths in the repository the test assembly was built from.</summary>
public static class Repository
{
    /// <summary>The folder holding <c>Broadcast.sln</c>, found upwards from the test's output folder.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The browser test's npm project (<c>package.json</c>, <c>package-lock.json</c>, the script).</summary>
    public static string E2eTools => Path.Combine(Root, "tools", "e2e");

    /// <summary>Where the browser test saves its screenshots: <c>TestResults/dashboard</c> at the repository root.</summary>
    public static string ScreenshotFolder =>
        Environment.GetEnvironmentVariable("DASHBOARD_SCREENSHOTS") is { Length: > 0 } configured
            ? Path.GetFullPath(configured)
            : Path.Combine(Root, "TestResults", "dashboard");

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Broadcast.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No Broadcast.sln above {AppContext.BaseDirectory}: the tests run from inside the repository.");
    }
}

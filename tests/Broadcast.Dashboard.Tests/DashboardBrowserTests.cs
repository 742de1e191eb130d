using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Broadcast.Durable;
using Broadcast.Sessions;
using Xunit.Abstractions;

namespace Broadcast.Dashboard.Tests;

/// <summary>
/// The dashboard in headless Chromium (Debian's <c>chromium</c>, driven by npm <c>playwright-core</c> from
/// <c>tools/e2e</c>): open it, give the key, create a session, signal the anchor, see it live, cancel, see it stopped.
/// </summary>
public sealed partial class DashboardBrowserTests(ITestOutputHelper output)
{
    private static readonly string ChromiumPath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    [Fact]
    public async Task Dashboard_CreateSignalCancel_ShowsLiveThenStoppedAndSavesScreenshots()
    {
        Assert.True(File.Exists(ChromiumPath),
            $"Chromium is not installed at {ChromiumPath}: run scripts/install-browser.sh (the dashboard test drives Debian's chromium).");
        Assert.True(Directory.Exists(Path.Combine(Repository.E2eTools, "node_modules", "playwright-core")),
            "playwright-core is not installed: run 'npm ci' in tools/e2e.");
        var screenshots = Repository.ScreenshotFolder;
        Directory.CreateDirectory(screenshots);
        File.Delete(Path.Combine(screenshots, "failure.png"));
        await using var host = await DashboardHost.StartAsync();

        var run = await NodeRun.RunAsync(Repository.E2eTools,
            ["dashboard-e2e.mjs", "--url", host.BaseAddress.ToString(), "--api-key", DashboardHost.ApiKey, "--out", screenshots, "--browser", ChromiumPath],
            TimeSpan.FromMinutes(4));
        output.WriteLine(run.Output);

        Assert.True(run.ExitCode == 0, $"The browser test failed (exit {run.ExitCode}); see {screenshots}/failure.png.\n{run.Output}");
        var passed = PassedLine().Match(run.Output);
        Assert.True(passed.Success, $"The browser test printed no pass line:\n{run.Output}");
        Assert.Contains("ok - live with", run.Output, StringComparison.Ordinal);
        Assert.Contains("ok - stopped: outcome Completed, ended by Cancelled", run.Output, StringComparison.Ordinal);

        // What the page showed is what the host holds: the session went live, the cancel stopped it, nothing is left.
        using var http = host.CreateClient(withKey: true);
        var sessionId = passed.Groups["id"].Value;
        var session = await http.GetFromJsonAsync<SessionView>(new Uri($"api/sessions/{Uri.EscapeDataString(sessionId)}", UriKind.Relative), DurableJson.Options);
        Assert.NotNull(session?.Result);
        Assert.Equal(SessionStatus.Completed, session.Status);
        Assert.Equal(SessionEndReason.Cancelled, session.Result.EndReason);
        Assert.NotNull(session.Result.LiveAt);
        Assert.Contains(session.Result.Timeline, entry => entry is { Kind: TimelineKind.Call, Operation: SessionActivities.StopPush });
        Assert.Empty(host.Simulator.State.ActivePushes);
        Assert.Empty(host.Simulator.State.ActiveRecordings);
        foreach (var name in new[] { "session-live.png", "session-stopped.png", "sessions.png" })
        {
            var file = new FileInfo(Path.Combine(screenshots, name));
            Assert.True(file.Exists && file.Length > 10_000, $"No screenshot {file.FullName}.");
        }
    }

    [GeneratedRegex(@"DASHBOARD E2E PASSED (?<id>\S+)")]
    private static partial Regex PassedLine();
}

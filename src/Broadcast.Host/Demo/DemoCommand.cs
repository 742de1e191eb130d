using System.Net.Http.Json;
using Broadcast.Durable;
using Broadcast.Ilvb;
using Broadcast.Sessions;

namespace Broadcast.Host;

/// <summary>
/// <c>demo</c>: one full session against the in-process simulator, through the host's own HTTP API — create, the anchor
/// joins, live, cancel, stopped — then its timeline. Exits 0 only when the cancel ended it (a live session that is
/// cancelled completes with end reason <see cref="SessionEndReason.Cancelled"/>) and nothing is left running.
/// </summary>
public static class DemoCommand
{
    private const uint RoomId = 1234;
    private const string UserId = "anchor-1";
    private static readonly TimeSpan StepDeadline = TimeSpan.FromSeconds(60);

    /// <summary>Runs the demo in a temporary folder; <paramref name="args"/> are host arguments (e.g. <c>--Logging:LogLevel:Default=Information</c>).</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter? output = null, CancellationToken cancellationToken = default)
    {
        output ??= Console.Out;
        var folder = Directory.CreateTempSubdirectory("broadcast-demo-");
        try
        {
            await using var app = BroadcastHostApp.Build(args, builder => builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["urls"] = "http://127.0.0.1:0",
                ["Engine:DatabasePath"] = Path.Combine(folder.FullName, "demo.db"),
                ["Host:UseSimulator"] = "true",
                ["Host:ApiKey"] = "",
                ["Host:PrintSummary"] = "false",
                ["Queues:ConnectionString"] = "",
                ["Logging:LogLevel:Default"] = "Warning",
            }));
            await app.StartAsync(cancellationToken);
            try
            {
                var simulator = app.Services.GetRequiredService<EmbeddedSimulator>().Simulator;
                using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
                return await RunSessionAsync(http, simulator.State, output, cancellationToken);
            }
            finally
            {
                await app.StopAsync(CancellationToken.None);
            }
        }
        finally
        {
            TryDelete(folder);
        }
    }

    private static async Task<int> RunSessionAsync(HttpClient http, Ilvb.Simulator.SimulatorState simulator, TextWriter output, CancellationToken cancellationToken)
    {
        await output.WriteLineAsync($"Demo: one session in room {RoomId} for anchor '{UserId}', against the in-process ILVB simulator.");
        var request = new SessionRequest
        {
            RoomId = RoomId,
            UserId = UserId,
            Key = "demo",
            ChannelName = "Broadcast demo",
            ChannelDescription = "One full session: create, join, live, cancel.",
            Bitrates = [Bitrate.Original, Bitrate.Hd],
            Recording = new RecordingSettings { Mode = RecordingMode.Tape, FileName = "broadcast-demo", Required = true },
            JoinTimeout = TimeSpan.FromMinutes(1),
            MaxDuration = TimeSpan.FromMinutes(10),
        };

        var created = await http.PostAsJsonAsync("/api/sessions", request, DurableJson.Options, cancellationToken);
        created.EnsureSuccessStatusCode();
        var links = (await created.Content.ReadFromJsonAsync<SessionLinks>(DurableJson.Options, cancellationToken))!;
        await output.WriteLineAsync($"  created   {links.Id} -> {(int)created.StatusCode} {links.StatusUrl}");

        simulator.JoinUser(RoomId, UserId);
        (await http.PostAsync(links.UserJoinedUrl, null, cancellationToken)).EnsureSuccessStatusCode();
        await output.WriteLineAsync("  joined    the anchor joined the room; user-joined signalled");

        var live = await WaitForAsync(http, links.StatusUrl, view => view.Status == SessionStatus.Live || view.Result is not null, cancellationToken);
        await output.WriteLineAsync($"  {live.Status.ToString().ToLowerInvariant(),-9} {live.LiveUrls.Count} live URL(s)");
        foreach (var url in live.LiveUrls)
        {
            await output.WriteLineAsync($"            {url.Type,-4} {url.Bitrate,-8} {url.Url}");
        }


        (await http.PostAsJsonAsync(links.CancelUrl, new CancelRequest("demo finished"), DurableJson.Options, cancellationToken)).EnsureSuccessStatusCode();
        await output.WriteLineAsync("  cancel    sent");

        var done = await WaitForAsync(http, links.StatusUrl, view => view.Result is not null, cancellationToken);
        var leftPushes = simulator.ActivePushes.Count;
        var leftRecordings = simulator.ActiveRecordings.Count;
        var result = done.Result!;
        await output.WriteLineAsync($"  finished  {result.Outcome} (ended by: {result.EndReason?.ToString() ?? "-"}); simulator: {leftPushes} push(es) and {leftRecordings} recording(s) left running");
        await output.WriteLineAsync();
        await output.WriteLineAsync($"Timeline of {done.Id}:");
        await output.WriteAsync(TimelineTable.Format(result.Timeline));

        var endedByCancel = result is { Outcome: SessionOutcome.Completed, EndReason: SessionEndReason.Cancelled };
        var ok = endedByCancel && leftPushes == 0 && leftRecordings == 0;
        await output.WriteLineAsync();
        await output.WriteLineAsync(ok
            ? "Demo passed: the cancel stopped the live session and nothing is left running."
            : $"Demo FAILED: outcome {result.Outcome} (ended by: {result.EndReason?.ToString() ?? "-"}), {leftPushes} push(es) and {leftRecordings} recording(s) left running.");
        return ok ? 0 : 1;
    }

    private static async Task<SessionView> WaitForAsync(HttpClient http, Uri statusUrl, Func<SessionView, bool> condition, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(StepDeadline);
        while (true)
        {
            var view = await http.GetFromJsonAsync<SessionView>(statusUrl, DurableJson.Options, deadline.Token);
            if (view is not null && condition(view))
            {
                return view;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), deadline.Token);
        }
    }

    private static void TryDelete(DirectoryInfo folder)
    {
        try
        {
            folder.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}

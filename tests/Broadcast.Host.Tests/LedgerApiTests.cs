using System.Net;
using System.Net.Http.Json;
using Broadcast.Durable;
using Broadcast.Ilvb.Simulator;
using Broadcast.Sessions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace Broadcast.Host.Tests;

/// <summary>The leak ledger and its sweeper through the host: what terminated and purged sessions left is stopped.</summary>
public sealed class LedgerApiTests(ITestOutputHelper output)
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Sweep_TerminatedAndPurgedSessions_StopsBoth_AndTheLedgerAndTimelinesShowIt()
    {
        await using var host = await TestHost.StartAsync(new Dictionary<string, string?>
        {
            ["Sweeper:Enabled"] = "false",
            ["Sweeper:Grace"] = "00:00:00",
        });
        var terminated = await StartLiveAsync(host, Requests.Session("terminated", roomId: 4101).WithRecording(RecordingMode.Separate));
        var purged = await StartLiveAsync(host, Requests.Session("purged", roomId: 4102));
        var live = await GetLedgerAsync(host, "");
        Assert.Equal(3, live.OpenCount);
        Assert.All(live.Entries, e => Assert.Equal((LeakState.Open, LeakEvidence.Started), (e.State, e.Evidence)));

        var engine = host.App.Services.GetRequiredService<IOrchestrationClient>();
        await engine.TerminateInstanceAsync(terminated.Id, "operator terminate");
        await engine.TerminateInstanceAsync(purged.Id, "operator terminate, then purge");
        await host.WaitForSessionAsync(terminated.Id, v => v.Status == SessionStatus.Terminated, "Terminated");
        await host.WaitForSessionAsync(purged.Id, v => v.Status == SessionStatus.Terminated, "Terminated");
        Assert.True(await engine.PurgeInstanceAsync(purged.Id));
        Assert.Equal(2, host.Simulator.State.ActivePushes.Count);

        var report = await SweepAsync(host);

        Assert.Equal(new SweepReport(Examined: 3, Stopped: 3, Retrying: 0, GivenUp: 0, Skipped: 0, Pruned: 0, OpenAfter: 0), report);
        host.AssertNothingLeftRunning();
        var open = await GetLedgerAsync(host, "");
        Assert.Equal(0, open.OpenCount);
        Assert.Empty(open.Entries);
        var all = await GetLedgerAsync(host, "?all=true");
        Assert.Equal(3, all.Entries.Count);
        Assert.All(all.Entries, e => Assert.Equal(LeakState.Stopped, e.State));
        var terminatedView = await host.GetSessionAsync(terminated.Id);
        Assert.Equal(SessionStatus.Terminated, terminatedView.Status);
        Assert.Contains(terminatedView.Timeline, e => e.Kind == TimelineKind.Sweep && e.Message == "StopPush attempt 1 (sweeper): push stopped.");
        Assert.Contains(terminatedView.Timeline, e => e.Kind == TimelineKind.Sweep && e.Operation == "StopRecording");
        var purgedView = await host.GetSessionAsync(purged.Id);
        Assert.Equal(SessionStatus.Purged, purgedView.Status);
        Assert.Equal(2, purgedView.Timeline.Count);
        Write(all, terminatedView, purgedView);
    }

    [Fact]
    public async Task Sweep_StopFailsTransiently_IsRetriedOnTheStopScheduleOfTheFakeClock()
    {
        var clock = new FakeTimeProvider(Start);
        await using var host = await TestHost.StartAsync(new Dictionary<string, string?>
        {
            ["Sweeper:Enabled"] = "false",
            ["Sessions:StopRetry:FirstDelay"] = "00:00:02",
            ["Sessions:StopRetry:Backoff"] = "2",
            ["Sessions:StopRetry:JitterFactor"] = "0",
        }, clock);
        var links = await StartLiveAsync(host, Requests.Session("flaky-stop", roomId: 4201));
        await host.App.Services.GetRequiredService<IOrchestrationClient>().TerminateInstanceAsync(links.Id);
        await host.WaitForSessionAsync(links.Id, v => v.Status == SessionStatus.Terminated, "Terminated");
        host.Simulator.Faults.FailNext(SimOperation.StopPush, 40000207, count: 2);

        var inGrace = await SweepAsync(host);
        var callsInGrace = StopCalls(host);
        clock.Advance(TimeSpan.FromMinutes(1));
        var first = await SweepAsync(host);
        var notDue = await SweepAsync(host);
        clock.Advance(TimeSpan.FromSeconds(1.9));
        var stillNotDue = await SweepAsync(host);
        var callsBeforeDue = StopCalls(host);
        clock.Advance(TimeSpan.FromSeconds(0.1));
        var second = await SweepAsync(host);
        clock.Advance(TimeSpan.FromSeconds(4));
        var third = await SweepAsync(host);

        Assert.Equal(1, inGrace.Skipped);
        Assert.Equal(0, callsInGrace);
        Assert.Equal(1, first.Retrying);
        Assert.Equal(1, notDue.Skipped);
        Assert.Equal(1, stillNotDue.Skipped);
        Assert.Equal(1, callsBeforeDue);
        Assert.Equal(1, second.Retrying);
        Assert.Equal(1, third.Stopped);
        Assert.Equal(3, StopCalls(host));
        host.AssertNothingLeftRunning();
        var entry = Assert.Single((await GetLedgerAsync(host, "?all=true")).Entries);
        var attempts = entry.Actions.Where(a => a.Attempt is not null).ToList();
        Assert.Equal([1, 2, 3], attempts.Select(a => a.Attempt!.Value));
        Assert.Equal([Start.AddMinutes(1), Start.AddMinutes(1).AddSeconds(2), Start.AddMinutes(1).AddSeconds(6)], attempts.Select(a => a.At));
        Assert.Equal([TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4), null], attempts.Select(a => a.Delay));
        Assert.Equal([40000207L, 40000207L, null], attempts.Select(a => a.Code));
        var view = await host.GetSessionAsync(links.Id);
        Assert.Equal(4, view.Timeline.Count(e => e.Kind == TimelineKind.Sweep));
        Write(await GetLedgerAsync(host, "?all=true"), view);
    }

    [Fact]
    public async Task BackgroundSweeper_RunsOnTheIntervalOfTheHostsClock()
    {
        var clock = new FakeTimeProvider(Start);
        await using var host = await TestHost.StartAsync(new Dictionary<string, string?> { ["Sweeper:Grace"] = "00:00:00" }, clock);
        var links = await StartLiveAsync(host, Requests.Session("background", roomId: 4301));
        await host.App.Services.GetRequiredService<IOrchestrationClient>().TerminateInstanceAsync(links.Id);
        await host.WaitForSessionAsync(links.Id, v => v.Status == SessionStatus.Terminated, "Terminated");
        Assert.Equal(1, (await GetLedgerAsync(host, "")).OpenCount);

        var swept = await Poll.UntilAsync(async () =>
        {
            if ((await GetLedgerAsync(host, "")).OpenCount == 0)
            {
                return true;
            }

            clock.Advance(TimeSpan.FromSeconds(30));
            return false;
        });

        Assert.True(swept, "No background pass stopped the push while the clock moved on.");
        host.AssertNothingLeftRunning();
        var stop = Assert.Single((await host.GetSessionAsync(links.Id)).Timeline, e => e.Kind == TimelineKind.Sweep && e.Operation == "StopPush");
        Assert.True(stop.At >= Start.AddSeconds(30), $"The stop was sent at {stop.At:O}, before the first interval ended.");
    }

    [Fact]
    public async Task Ledger_BadQuery_Answers400NamingTheField_AndTheApiIsInTheOpenApiDocument()
    {
        await using var host = await TestHost.StartAsync(new Dictionary<string, string?> { ["Sweeper:Enabled"] = "false" });

        using var badLimit = await host.Http.GetAsync("/api/ledger?limit=0");
        using var badAll = await host.Http.GetAsync("/api/ledger?all=maybe");
        var document = await host.Http.GetStringAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.BadRequest, badLimit.StatusCode);
        Assert.Contains("\"limit\"", await badLimit.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badAll.StatusCode);
        Assert.Contains("all", await badAll.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("\"/api/ledger\"", document, StringComparison.Ordinal);
        Assert.Contains("\"/api/ledger/sweep\"", document, StringComparison.Ordinal);
    }

    private static async Task<SessionLinks> StartLiveAsync(TestHost host, SessionRequest request)
    {
        host.Simulator.State.JoinUser(request.RoomId, request.UserId);
        var links = await host.CreateSessionAsync(request);
        await host.PostAcceptedAsync(links.UserJoinedUrl);
        await host.WaitForSessionAsync(links.Id, v => v.Status == SessionStatus.Live, "Live");
        return links;
    }

    private static async Task<LedgerView> GetLedgerAsync(TestHost host, string query)
    {
        using var response = await host.Http.GetAsync("/api/ledger" + query);
        Assert.True(response.IsSuccessStatusCode, $"GET /api/ledger{query} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<LedgerView>(DurableJson.Options))!;
    }

    private static async Task<SweepReport> SweepAsync(TestHost host)
    {
        using var response = await host.Http.PostAsync("/api/ledger/sweep", null);
        Assert.True(response.IsSuccessStatusCode, $"POST /api/ledger/sweep answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<SweepReport>(DurableJson.Options))!;
    }

    private static int StopCalls(TestHost host) => host.Simulator.State.Calls.Count(c => c.Operation == SimOperation.StopPush);

    private void Write(LedgerView ledger, params SessionView[] views)
    {
        foreach (var entry in ledger.Entries)
        {
            output.WriteLine($"ledger {entry.SessionId} {entry.Kind}: {entry.State}, sweeper attempts {entry.Attempts}, closed: {entry.CloseReason}");
        }

        foreach (var view in views)
        {
            output.WriteLine($"session {view.Id}: {view.Status}");
            foreach (var entry in view.Timeline.Where(e => e.Kind == TimelineKind.Sweep))
            {
                output.WriteLine($"  {entry.At:HH:mm:ss.fff} {entry.Operation ?? "-"} {entry.Message}");
            }
        }
    }
}

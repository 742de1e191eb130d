using Broadcast.Durable;
using Broadcast.Ilvb;
using Broadcast.Ilvb.Simulator;
using Broadcast.Sessions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace Broadcast.Ledger.Sqlite.Tests;

/// <summary>The sweeper on the real engine, the SQLite ledger and the simulator: what ended sessions left running is stopped.</summary>
public sealed class LeakSweeperTests(ITestOutputHelper output)
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Sweep_TerminatedFailedAndPurgedSessions_StopsAllThreeAndEmptiesTheLedger()
    {
        using var folder = new TempFolder();
        await using var simulator = await IlvbSimulator.StartAsync(new SimulatorOptions());
        string terminated, failed, purged;
        await using (var released = await SweeperTestBed.StartAsync(folder, simulator))
        {
            terminated = await released.StartLiveSessionAsync(simulator, Requests.Session(Requests.NewRoom(), "terminated").WithRecording(RecordingMode.Tape));
            failed = await released.StartLiveSessionAsync(simulator, Requests.Session(Requests.NewRoom(), "failed").WithRecording(RecordingMode.Separate));
            purged = await released.StartLiveSessionAsync(simulator, Requests.Session(Requests.NewRoom(), "purged"));

            // While the sessions run, their own stops own the entries: a pass leaves them alone.
            Assert.Equal(new SweepReport(Examined: 4, Stopped: 0, Retrying: 0, GivenUp: 0, Skipped: 4, Pruned: 0, OpenAfter: 4),
                await released.Sweeper.SweepAsync(None));
            Assert.Equal(3, simulator.State.ActivePushes.Count);

            await released.Client.TerminateInstanceAsync(terminated, "operator terminate");
            await released.Client.TerminateInstanceAsync(purged, "operator terminate, then purge");
            Assert.Equal(OrchestrationRuntimeStatus.Terminated, (await released.WaitForEndAsync(terminated)).RuntimeStatus);
            Assert.Equal(OrchestrationRuntimeStatus.Terminated, (await released.WaitForEndAsync(purged)).RuntimeStatus);
            Assert.True(await released.Client.PurgeInstanceAsync(purged));
        }

        // The next version of the orchestration is deployed while "failed" is live: it cannot replay that history.
        await using var next = await SweeperTestBed.StartAsync(folder, simulator, CheckRoomFirstOrchestrator.Register);
        Assert.Equal(SignalResult.Delivered, await next.Sessions.CancelAsync(failed, "end of show", None));
        var failedInstance = await next.WaitForEndAsync(failed);
        Assert.Equal(OrchestrationRuntimeStatus.Failed, failedInstance.RuntimeStatus);
        Assert.Equal(typeof(NonDeterministicOrchestrationException).FullName, failedInstance.FailureDetails?.ErrorType);
        Assert.Null(await next.Client.GetInstanceAsync(purged));
        Assert.Equal(3, simulator.State.ActivePushes.Count);
        Assert.Single(simulator.State.ActiveRecordings);

        var report = await next.Sweeper.SweepAsync(None);

        Assert.Equal(new SweepReport(Examined: 4, Stopped: 4, Retrying: 0, GivenUp: 0, Skipped: 0, Pruned: 0, OpenAfter: 0), report);
        Assert.Empty(simulator.State.ActivePushes);
        Assert.Empty(simulator.State.ActiveRecordings);
        Assert.Equal(0, await next.Ledger.CountOpenAsync(None));
        var entries = await next.Ledger.ListAsync(new LeakListQuery { IncludeClosed = true }, None);
        Assert.Equal(4, entries.Count);
        Assert.All(entries, e => Assert.Equal(LeakState.Stopped, e.State));
        Assert.All(entries, e => Assert.StartsWith("Stopped by the sweeper", e.CloseReason, StringComparison.Ordinal));
        foreach (var entry in entries)
        {
            output.WriteLine($"ledger {entry.SessionId} {entry.Kind}{(entry.Tape ? " (tape)" : "")}: {entry.State}, evidence {entry.Evidence}, " +
                $"sweeper attempts {entry.Attempts}, closed: {entry.CloseReason}");
        }

        var terminatedView = await AssertSweptAsync(next, terminated, SessionStatus.Terminated, "StopPush attempt 1 (sweeper): push (with its tape recording) stopped.");
        Assert.Contains(terminatedView.Timeline, e => e.Kind == TimelineKind.Sweep && e.Message.StartsWith("The session was terminated", StringComparison.Ordinal));
        var failedView = await AssertSweptAsync(next, failed, SessionStatus.Failed, "StopPush attempt 1 (sweeper): push stopped.");
        var recordingStop = Assert.Single(failedView.Timeline, e => e.Kind == TimelineKind.Sweep && e.Operation == SessionActivities.StopRecording);
        Assert.StartsWith("StopRecording attempt 1 (sweeper): recording stopped, file id(s) ", recordingStop.Message, StringComparison.Ordinal);
        var purgedView = await AssertSweptAsync(next, purged, SessionStatus.Purged, "StopPush attempt 1 (sweeper): push stopped.");
        Assert.All(purgedView.Timeline, e => Assert.Equal(TimelineKind.Sweep, e.Kind));
    }

    [Fact]
    public async Task Sweep_AnotherLiveSessionOfTheSameAnchorHoldsThePush_LeavesItToThatSessionsStop()
    {
        using var folder = new TempFolder();
        await using var simulator = await IlvbSimulator.StartAsync(new SimulatorOptions());
        await using var bed = await SweeperTestBed.StartAsync(folder, simulator);
        var room = Requests.NewRoom();
        var gone = await EndedLiveSessionAsync(bed, simulator, room);
        // The vendor keeps one push per anchor: the new session's start is answered "already running" and counts as started.
        var current = await bed.StartLiveSessionAsync(simulator, Requests.Session(room, "current"));

        var held = await bed.Sweeper.SweepAsync(None);

        Assert.Equal(0, held.Stopped);
        Assert.True(simulator.State.IsPushing(room, "anchor-1"), "The sweeper ended the broadcast of a live session.");
        var deferred = (await bed.Ledger.GetAsync(gone, LeakKind.Push, None))!;
        Assert.True(deferred.IsOpen);
        Assert.Contains($"session {current} (Live)", Assert.Single(deferred.Actions).Message, StringComparison.Ordinal);

        Assert.Equal(SignalResult.Delivered, await bed.Sessions.CancelAsync(current, null, None));
        await bed.WaitForEndAsync(current);
        var after = await bed.Sweeper.SweepAsync(None);

        Assert.Equal(1, after.Stopped);
        var closed = (await bed.Ledger.GetAsync(gone, LeakKind.Push, None))!;
        Assert.Equal(LeakState.Stopped, closed.State);
        Assert.Contains("already ended", closed.Actions[^1].Message, StringComparison.Ordinal);
        Assert.Equal(0, await bed.Ledger.CountOpenAsync(None));
        Assert.Empty(simulator.State.ActivePushes);
    }

    [Fact]
    public async Task Sweep_StopUnderWayWhenTheAnchorsNextSessionJoins_TheNewStartWaitsAndItsPushRuns()
    {
        using var folder = new TempFolder();
        // The simulator's clock only holds the answer below: it moves when the test lets that answer go.
        var vendorClock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var simulator = await IlvbSimulator.StartAsync(new SimulatorOptions { TimeProvider = vendorClock });
        await using var bed = await SweeperTestBed.StartAsync(folder, simulator);
        var room = Requests.NewRoom();
        var anchor = new StreamTarget(room, "anchor-1");
        var locks = bed.Services.GetRequiredService<AnchorStreamLocks>();
        var gone = await EndedLiveSessionAsync(bed, simulator, room);
        var next = (await bed.Sessions.CreateAsync(Requests.Session(room, "next"), None)).SessionId;

        // The sweeper's stop of the ended session's push is held at the vendor; the anchor's next session joins meanwhile.
        simulator.Faults.DelayNext(SimOperation.StopPush, TimeSpan.FromMinutes(1));
        var sweep = bed.Sweeper.SweepAsync(None);
        await Poll.UntilAsync(() => Task.FromResult(simulator.Faults.PendingCount(SimOperation.StopPush)), n => n == 0,
            "the sweeper's stop at the vendor");
        Assert.Equal(1, locks.UsersOf(anchor));
        Assert.Equal(SignalResult.Delivered, await bed.Sessions.SignalUserJoinedAsync(next, None));
        await Poll.UntilAsync(() => Task.FromResult(locks.UsersOf(anchor)), n => n == 2, "the next session's start waiting for the anchor");
        Assert.Single(simulator.State.Calls, c => c.Operation == SimOperation.StartPush && c.RoomId == room);
        vendorClock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, (await sweep).Stopped);
        var live = await Poll.UntilAsync(() => bed.Sessions.GetAsync(next, None), v => v?.Status == SessionStatus.Live, $"session {next} live");

        // Had its start crossed the stop, the vendor would have answered "already running" and then ended that push.
        Assert.True(simulator.State.IsPushing(room, "anchor-1"), "The sweeper's stop ended the next session's broadcast.");
        Assert.Equal(2, simulator.State.StartedPushCount(room, "anchor-1"));
        Assert.DoesNotContain(live!.Timeline, e => e.Code == 40000415);
        Assert.Equal(SignalResult.Delivered, await bed.Sessions.CancelAsync(next, null, None));
        await bed.WaitForEndAsync(next);
        Assert.Empty(simulator.State.ActivePushes);
    }

    [Fact]
    public async Task Sweep_OlderOpenEntriesOfRunningSessionsFillingAPage_DoNotHideANewerLeak()
    {
        using var folder = new TempFolder();
        await using var simulator = await IlvbSimulator.StartAsync(new SimulatorOptions());
        await using var bed = await SweeperTestBed.StartAsync(folder, simulator, settings: new Dictionary<string, string?> { ["Sweeper:BatchSize"] = "1" });
        var running = new[]
        {
            await bed.StartLiveSessionAsync(simulator, Requests.Session(Requests.NewRoom(), "older-1")),
            await bed.StartLiveSessionAsync(simulator, Requests.Session(Requests.NewRoom(), "older-2").WithRecording(RecordingMode.Separate)),
        };
        var room = Requests.NewRoom();
        var leaked = await bed.StartLiveSessionAsync(simulator, Requests.Session(room, "newest").WithRecording(RecordingMode.Separate));
        await bed.Client.TerminateInstanceAsync(leaked);
        await bed.WaitForEndAsync(leaked);

        var report = await bed.Sweeper.SweepAsync(None);

        // Five open entries, one per page: the pass read them all, and both entries of the terminated session were stopped.
        Assert.Equal(new SweepReport(Examined: 5, Stopped: 2, Retrying: 0, GivenUp: 0, Skipped: 3, Pruned: 0, OpenAfter: 3), report);
        Assert.False(simulator.State.IsPushing(room, "anchor-1"));
        Assert.Equal(2, simulator.State.ActivePushes.Count);
        foreach (var session in running)
        {
            Assert.Equal(SignalResult.Delivered, await bed.Sessions.CancelAsync(session, null, None));
            await bed.WaitForEndAsync(session);
        }

        Assert.Empty(simulator.State.ActivePushes);
        Assert.Empty(simulator.State.ActiveRecordings);
    }

    [Fact]
    public async Task Sweep_FatalStopAnswer_GivesUpAndKeepsTheEntryListedAsOpen()
    {
        using var folder = new TempFolder();
        await using var simulator = await IlvbSimulator.StartAsync(new SimulatorOptions());
        await using var bed = await SweeperTestBed.StartAsync(folder, simulator);
        var room = Requests.NewRoom();
        var session = await bed.StartLiveSessionAsync(simulator, Requests.Session(room, "fatal"));
        await bed.Client.TerminateInstanceAsync(session);
        await bed.WaitForEndAsync(session);
        simulator.Faults.FailNext(SimOperation.StopPush, 1001);

        var report = await bed.Sweeper.SweepAsync(None);
        var again = await bed.Sweeper.SweepAsync(None);

        Assert.Equal(1, report.GivenUp);
        Assert.Equal(1, report.OpenAfter);
        Assert.Equal(1, again.Skipped);
        var entry = (await bed.Ledger.GetAsync(session, LeakKind.Push, None))!;
        Assert.Equal(LeakState.GivenUp, entry.State);
        Assert.True(entry.IsOpen);
        Assert.Equal(1001, entry.LastError?.Code);
        Assert.Contains("check it by hand", entry.Actions[^1].Message, StringComparison.Ordinal);
        Assert.True(simulator.State.IsPushing(room, "anchor-1"));
        Assert.Equal(1, simulator.State.Calls.Count(c => c.Operation == SimOperation.StopPush));
    }

    [Fact]
    public async Task Sweep_OpenEntries_AreTheGaugeOfOpenEntries()
    {
        using var folder = new TempFolder();
        await using var simulator = await IlvbSimulator.StartAsync(new SimulatorOptions());
        await using var bed = await SweeperTestBed.StartAsync(folder, simulator);
        using var gauge = new Microsoft.Extensions.Diagnostics.Metrics.Testing.MetricCollector<long>(
            bed.Services.GetService(typeof(System.Diagnostics.Metrics.IMeterFactory)) as System.Diagnostics.Metrics.IMeterFactory,
            SessionMetrics.MeterName, "broadcast.ledger.open");
        var session = await bed.StartLiveSessionAsync(simulator, Requests.Session(Requests.NewRoom(), "gauge").WithRecording(RecordingMode.Separate));

        await bed.Sweeper.SweepAsync(None);
        gauge.RecordObservableInstruments();
        var whileLive = gauge.LastMeasurement?.Value;
        await bed.Client.TerminateInstanceAsync(session);
        await bed.WaitForEndAsync(session);
        await bed.Sweeper.SweepAsync(None);
        gauge.RecordObservableInstruments();

        Assert.Equal(2, whileLive);
        Assert.Equal(0, gauge.LastMeasurement?.Value);
        Assert.Empty(simulator.State.ActivePushes);
    }

    private async Task<SessionView> AssertSweptAsync(SweeperTestBed bed, string sessionId, SessionStatus status, string pushStop)
    {
        var view = (await bed.Sessions.GetAsync(sessionId, None))!;
        Assert.Equal(status, view.Status);
        Assert.Contains(view.Timeline, e => e.Kind == TimelineKind.Sweep && e.Operation == SessionActivities.StopPush && e.Message == pushStop);
        output.WriteLine($"session {sessionId}: {view.Status}");
        foreach (var entry in view.Timeline.Where(e => e.Kind == TimelineKind.Sweep))
        {
            output.WriteLine($"  {entry.At:HH:mm:ss.fff} {entry.Kind} {entry.Operation ?? "-"} {entry.Message}");
        }

        return view;
    }

    /// <summary>A session of <paramref name="room"/> that went live and was terminated: its push is left running.</summary>
    private static async Task<string> EndedLiveSessionAsync(SweeperTestBed bed, IlvbSimulator simulator, uint room)
    {
        var gone = await bed.StartLiveSessionAsync(simulator, Requests.Session(room, "gone"));
        await bed.Client.TerminateInstanceAsync(gone);
        await bed.WaitForEndAsync(gone);
        return gone;
    }
}

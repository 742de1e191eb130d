using Broadcast.Ilvb;
using Broadcast.Ilvb.Simulator;
using Broadcast.Sessions;
using Broadcast.Sessions.Tests;

namespace Broadcast.Functions.Tests;

/// <summary>
/// A session through the Functions app's orchestrator and activity functions on Durable Task's real replay: its inputs,
/// results, custom status and timers go through Durable Task's history and the app's JSON, its signals and reads
/// through the app's client adapter.
/// </summary>
public sealed class SessionOnDurableTaskTests
{
    [Fact]
    public async Task Session_WithSeparateRecording_GoesLiveAndStopsBothOnCancel()
    {
        await using var host = await FunctionsTestHost.StartAsync();
        using var bound = host.BindClient();
        var room = TestRequests.NewRoom();
        var created = await host.Sessions.CreateAsync(TestRequests.Session(room).WithRecording(RecordingMode.Separate), CancellationToken.None);
        Assert.True(created.Created);
        await host.WaitForAsync(created.SessionId, v => v.Phase == "WaitingForJoin", "waiting for the join");

        host.Simulator.State.JoinUser(room, "anchor-1");
        Assert.Equal(SignalResult.Delivered, await host.Sessions.SignalUserJoinedAsync(created.SessionId, CancellationToken.None));
        var live = await host.WaitForStatusAsync(created.SessionId, SessionStatus.Live);
        Assert.Equal(4, live.LiveUrls.Count);
        Assert.Single(host.Simulator.State.ActivePushes);
        Assert.Single(host.Simulator.State.ActiveRecordings);

        Assert.Equal(SignalResult.Delivered, await host.Sessions.CancelAsync(created.SessionId, "show is over", CancellationToken.None));
        var ended = await host.WaitForEndAsync(created.SessionId);

        var result = ended.Result!;
        Assert.Equal(SessionStatus.Completed, ended.Status);
        Assert.Equal(SessionOutcome.Completed, result.Outcome);
        Assert.Equal(SessionEndReason.Cancelled, result.EndReason);
        Assert.NotEmpty(result.FileIds);
        Assert.Equal(
            [SessionActivities.StartPush, SessionActivities.StartRecording, SessionActivities.StopRecording, SessionActivities.StopPush],
            result.Timeline.Where(e => e.Kind == TimelineKind.Call).Select(e => e.Operation));
        host.AssertNothingLeftRunning();
    }

    [Fact]
    public async Task StartPush_MeetsTransientCodes_RetriesOnDurableTimersWithGrowingWaits()
    {
        await using var host = await FunctionsTestHost.StartAsync();
        using var bound = host.BindClient();
        var room = TestRequests.NewRoom();
        var id = (await host.Sessions.CreateAsync(TestRequests.Session(room), CancellationToken.None)).SessionId;
        host.Simulator.Faults.FailNext(SimOperation.StartPush, 40000207, 2);

        host.Simulator.State.JoinUser(room, "anchor-1");
        Assert.Equal(SignalResult.Delivered, await host.Sessions.SignalUserJoinedAsync(id, CancellationToken.None));
        await host.WaitForStatusAsync(id, SessionStatus.Live);
        await host.Sessions.CancelAsync(id, null, CancellationToken.None);
        var result = (await host.WaitForEndAsync(id)).Result!;

        Assert.Equal(SessionOutcome.Completed, result.Outcome);
        var starts = result.Timeline.Where(e => e.Kind == TimelineKind.Call && e.Operation == SessionActivities.StartPush).ToList();
        Assert.Equal([1, 2, 3], starts.Select(e => e.Attempt!.Value));
        Assert.Equal([40000207L, 40000207L], starts.Take(2).Select(e => e.Code!.Value));
        var waits = result.Timeline.Where(e => e.Kind == TimelineKind.Retry).Select(e => e.Delay!.Value).ToList();
        Assert.Equal(2, waits.Count);
        Assert.True(waits[0] < waits[1], $"backoff must grow: {string.Join(", ", waits)}");
        Assert.Equal(3, host.Simulator.State.Calls.Count(c => c.Operation == SimOperation.StartPush));
        host.AssertNothingLeftRunning();
    }

    [Fact]
    public async Task Session_AnchorNeverJoins_EndsJoinTimedOutOnDurableTasksEventTimeout()
    {
        await using var host = await FunctionsTestHost.StartAsync();
        using var bound = host.BindClient();
        var room = TestRequests.NewRoom();
        var id = (await host.Sessions.CreateAsync(TestRequests.Session(room) with { JoinTimeout = TimeSpan.FromSeconds(1) }, CancellationToken.None)).SessionId;

        var ended = await host.WaitForEndAsync(id);

        Assert.Equal(SessionStatus.JoinTimedOut, ended.Status);
        Assert.Equal(SessionOutcome.JoinTimedOut, ended.Result!.Outcome);
        Assert.DoesNotContain(ended.Result.Timeline, e => e.Kind == TimelineKind.Call);
        Assert.Empty(host.Simulator.State.Calls);
        Assert.Equal(SignalResult.AlreadyFinished, await host.Sessions.SignalUserJoinedAsync(id, CancellationToken.None));
    }

    [Fact]
    public async Task Session_WithStartAt_WaitsOnADurableTimerThenTakesTheEarlyJoin()
    {
        await using var host = await FunctionsTestHost.StartAsync();
        using var bound = host.BindClient();
        var room = TestRequests.NewRoom();
        var startAt = DateTimeOffset.UtcNow.AddSeconds(2);
        var id = (await host.Sessions.CreateAsync(TestRequests.Session(room) with { StartAt = startAt }, CancellationToken.None)).SessionId;
        var scheduled = await host.WaitForAsync(id, v => v.Phase == "Scheduled" && v.TimelineCount > 0, "the scheduled phase");
        Assert.Equal(SessionStatus.Scheduled, scheduled.Status);

        // The anchor is early: Durable Task keeps the event until the session waits for it, after its start time.
        host.Simulator.State.JoinUser(room, "anchor-1");
        Assert.Equal([id], await host.Sessions.SignalUserJoinedAsync(room, "anchor-1", CancellationToken.None));
        var live = await host.WaitForStatusAsync(id, SessionStatus.Live);
        await host.Sessions.CancelAsync(id, null, CancellationToken.None);
        var result = (await host.WaitForEndAsync(id)).Result!;

        Assert.Equal(SessionOutcome.Completed, result.Outcome);
        Assert.True(result.LiveAt >= startAt, $"live at {result.LiveAt:O}, before its start at {startAt:O}");
        Assert.Contains(live.Timeline, e => e.Kind == TimelineKind.Timer);
        host.AssertNothingLeftRunning();
    }
}

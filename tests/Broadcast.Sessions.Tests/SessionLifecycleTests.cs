using Broadcast.Ilvb;
using Microsoft.Extensions.Time.Testing;

namespace Broadcast.Sessions.Tests;

/// <summary>A session from creation to its end: the happy paths, the join timeout, cancels and the maximum duration.</summary>
public sealed class SessionLifecycleTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 7, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Session_WithTape_GoesLiveAndStopsOnCancel()
    {
        await using var host = await SessionTestHost.StartAsync();
        var room = TestRequests.NewRoom();
        var id = await host.CreateAsync(TestRequests.Session(room).WithRecording(RecordingMode.Tape));

        var live = await host.JoinAndGoLiveAsync(id, room, "anchor-1");
        var push = Assert.Single(host.Simulator.State.ActivePushes);
        Assert.NotNull(push.TapeTaskId);
        Assert.Equal(4, live.LiveUrls.Count); // HLS and RTMP, original and HD
        Assert.Contains(live.LiveUrls, u => u.Type == LiveCode.Rtmp && u.Bitrate == Bitrate.Hd);

        var ended = await host.CancelAndWaitAsync(id, "show is over");

        var result = ended.Result!;
        Assert.Equal(SessionStatus.Completed, ended.Status);
        Assert.Equal(SessionOutcome.Completed, result.Outcome);
        Assert.Equal(SessionEndReason.Cancelled, result.EndReason);
        Assert.Equal(push.ChannelId, result.ChannelId);
        Assert.Equal(push.TapeTaskId, result.TapeTaskId);
        Assert.Equal(4, result.LiveUrls.Count);
        Assert.Null(result.Error);
        Assert.Contains(result.Timeline, e => e.Kind == TimelineKind.Signal && e.Message.Contains("show is over", StringComparison.Ordinal));
        Assert.Equal(
            [SessionActivities.StartPush, SessionActivities.StopPush],
            result.Timeline.Where(e => e.Kind == TimelineKind.Call).Select(e => e.Operation));
        host.AssertNothingLeftRunning();
    }

    [Fact]
    public async Task Session_WithSeparateRecording_StopsTheRecordingFirstAndCollectsItsFileIds()
    {
        await using var host = await SessionTestHost.StartAsync();
        using var finished = host.CollectMetric<long>("broadcast.sessions.finished");
        using var calls = host.CollectMetric<long>("broadcast.ilvb.calls");
        var room = TestRequests.NewRoom();
        var id = await host.CreateAsync(TestRequests.Session(room).WithRecording(RecordingMode.Separate));

        await host.JoinAndGoLiveAsync(id, room, "anchor-1");
        Assert.Single(host.Simulator.State.ActivePushes);
        Assert.Equal($"room-{room}", Assert.Single(host.Simulator.State.ActiveRecordings).FileName);

        var result = (await host.CancelAndWaitAsync(id)).Result!;

        Assert.Equal(SessionOutcome.Completed, result.Outcome);
        Assert.NotEmpty(result.FileIds);
        Assert.Null(result.TapeTaskId);
        Assert.Equal(
            [SessionActivities.StartPush, SessionActivities.StartRecording, SessionActivities.StopRecording, SessionActivities.StopPush],
            result.Timeline.Where(e => e.Kind == TimelineKind.Call).Select(e => e.Operation));
        Assert.Equal(4, calls.GetMeasurementSnapshot().Count(m => (long)m.Tags["code"]! == 0));
        var outcome = Assert.Single(finished.GetMeasurementSnapshot());
        Assert.Equal(nameof(SessionOutcome.Completed), outcome.Tags["outcome"]);
        host.AssertNothingLeftRunning();
    }

    [Fact]
    public async Task Session_AnchorNeverJoins_EndsJoinTimedOutWithoutAnyCall()
    {
        var clock = new FakeTimeProvider(Start);
        await using var host = await SessionTestHost.StartAsync(clock);
        var room = TestRequests.NewRoom();
        var id = await host.CreateAsync(TestRequests.Session(room) with { JoinTimeout = TimeSpan.FromMinutes(5) });

        await host.WaitForPhaseAsync(id, "WaitingForJoin");
        clock.Advance(TimeSpan.FromMinutes(5));
        var ended = await host.WaitForEndAsync(id);

        Assert.Equal(SessionStatus.JoinTimedOut, ended.Status);
        Assert.Equal(SessionOutcome.JoinTimedOut, ended.Result!.Outcome);
        Assert.Equal(Start.AddMinutes(5), ended.Result.EndedAt);
        Assert.DoesNotContain(ended.Result.Timeline, e => e.Kind == TimelineKind.Call);
        Assert.Empty(host.Simulator.State.Calls);
        host.AssertNothingLeftRunning();
    }

    [Fact]
    public async Task Session_CancelledBeforeTheJoin_EndsCancelledWithoutAnyCall()
    {
        await using var host = await SessionTestHost.StartAsync();
        var room = TestRequests.NewRoom();
        var id = await host.CreateAsync(TestRequests.Session(room).WithRecording(RecordingMode.Separate));
        await host.WaitForPhaseAsync(id, "WaitingForJoin");

        var ended = await host.CancelAndWaitAsync(id, "no show");

        Assert.Equal(SessionStatus.Cancelled, ended.Status);
        Assert.Null(ended.Result!.EndReason);
        Assert.Contains(ended.Result.Timeline, e => e.Kind == TimelineKind.Signal && e.Message.Contains("no show", StringComparison.Ordinal));
        Assert.DoesNotContain(ended.Result.Timeline, e => e.Kind == TimelineKind.Call);
        Assert.Empty(host.Simulator.State.Calls);
        Assert.Equal(SignalResult.AlreadyFinished, await host.Sessions.SignalUserJoinedAsync(id, CancellationToken.None));
        host.AssertNothingLeftRunning();
    }

    [Fact]
    public async Task Session_ReachingItsMaximumDuration_StopsAndCompletes()
    {
        var clock = new FakeTimeProvider(Start);
        await using var host = await SessionTestHost.StartAsync(clock);
        var room = TestRequests.NewRoom();
        var id = await host.CreateAsync(TestRequests.Session(room).WithRecording(RecordingMode.Separate) with
        {
            MaxDuration = TimeSpan.FromMinutes(30),
        });

        await host.JoinAndGoLiveAsync(id, room, "anchor-1");
        clock.Advance(TimeSpan.FromMinutes(30));
        var ended = await host.WaitForEndAsync(id);

        Assert.Equal(SessionStatus.Completed, ended.Status);
        Assert.Equal(SessionEndReason.MaxDurationReached, ended.Result!.EndReason);
        Assert.Equal(Start, ended.Result.LiveAt);
        Assert.Equal(Start.AddMinutes(30), ended.Result.EndedAt);
        Assert.Contains(ended.Result.Timeline, e => e.Kind == TimelineKind.Timer && e.Message.Contains("Maximum duration", StringComparison.Ordinal));
        Assert.NotEmpty(ended.Result.FileIds);
        host.AssertNothingLeftRunning();
    }
}

using Broadcast.Ilvb;
using Broadcast.Ilvb.Simulator;
using Microsoft.Extensions.Logging;

namespace Broadcast.Sessions.Tests;

/// <summary>The error policy (DESIGN §4) against a simulator that fails on demand.</summary>
public sealed class VendorFaultTests
{
    [Fact]
    public async Task StartPush_Meets40000208ThreeTimes_RetriesOnDurableTimersAndGoesLive()
    {
        await using var host = await SessionTestHost.StartAsync();
        using var retries = host.CollectMetric<long>("broadcast.ilvb.retries");
        var room = TestRequests.NewRoom();
        var id = await host.CreateAsync(TestRequests.Session(room));
        host.Simulator.Faults.FailNext(SimOperation.StartPush, 40000208, 3);

        var live = await host.JoinAndGoLiveAsync(id, room, "anchor-1");
        Assert.Equal(3, live.Timeline.Count(e => e.Kind == TimelineKind.Retry));
        Assert.Single(host.Simulator.State.ActivePushes);
        var result = (await host.CancelAndWaitAsync(id)).Result!;

        Assert.Equal(SessionOutcome.Completed, result.Outcome);
        var starts = result.Timeline.Where(e => e.Kind == TimelineKind.Call && e.Operation == SessionActivities.StartPush).ToList();
        Assert.Equal([1, 2, 3, 4], starts.Select(e => e.Attempt!.Value));
        Assert.Equal([40000208L, 40000208L, 40000208L], starts.Take(3).Select(e => e.Code!.Value));
        var waits = result.Timeline.Where(e => e.Kind == TimelineKind.Retry).Select(e => e.Delay!.Value).ToList();
        Assert.Equal(3, waits.Count);
        Assert.True(waits[0] < waits[1] && waits[1] < waits[2], $"backoff must grow: {string.Join(", ", waits)}");
        Assert.Equal(4, result.LiveUrls.Count);
        Assert.Equal(3, retries.GetMeasurementSnapshot().Count);
        host.AssertNothingLeftRunning();
    }

    [Fact]
    public async Task StartRecording_Meets30000208_RetriesAndRecords()
    {
        await using var host = await SessionTestHost.StartAsync();
        var room = TestRequests.NewRoom();
        var id = await host.CreateAsync(TestRequests.Session(room).WithRecording(RecordingMode.Separate));
        host.Simulator.Faults.FailNext(SimOperation.StartRecording, 30000208);

        await host.JoinAndGoLiveAsync(id, room, "anchor-1");
        Assert.Single(host.Simulator.State.ActiveRecordings);
        var result = (await host.CancelAndWaitAsync(id)).Result!;

        Assert.Equal(SessionOutcome.Completed, result.Outcome);
        Assert.False(result.RecordingDegraded);
        Assert.Contains(result.Timeline, e => e.Kind == TimelineKind.Retry && e.Operation == SessionActivities.StartRecording && e.Attempt == 2);
        Assert.NotEmpty(result.FileIds);
        host.AssertNothingLeftRunning();
    }

    [Fact]
    public async Task StartPush_AnchorNotInTheRoom_FailsWith40000411ItsTextAndAdvice()
    {
        await using var host = await SessionTestHost.StartAsync();
        var room = TestRequests.NewRoom();
        host.Simulator.State.JoinUser(room, "someone-else");
        var id = await host.CreateAsync(TestRequests.Session(room));

        // The join signal says the anchor joined, the vendor says they did not.
        Assert.Equal(SignalResult.Delivered, await host.Sessions.SignalUserJoinedAsync(id, CancellationToken.None));
        var ended = await host.WaitForEndAsync(id);

        Assert.Equal(SessionStatus.Failed, ended.Status);
        var error = ended.Result!.Error!;
        Assert.Equal(40000411, error.Code);
        Assert.Equal(IlvbErrorCategory.Fatal, error.Category);
        Assert.Contains("does not exist in the room", error.Description, StringComparison.Ordinal);
        Assert.Contains("Check whether the room has been activated", error.Advice, StringComparison.Ordinal);
        Assert.Equal(error, ended.Error);
        Assert.Single(ended.Result.Timeline, e => e.Kind == TimelineKind.Call);
        Assert.Equal(0, host.Simulator.State.StartedPushCount(room, "anchor-1"));
        host.AssertNothingLeftRunning();
    }

    [Fact]
    public async Task StartPush_AccountInArrears_FailsAtOnceWithoutRetry()
    {
        await using var host = await SessionTestHost.StartAsync();
        var room = TestRequests.NewRoom();
        var id = await host.CreateAsync(TestRequests.Session(room));
        host.Simulator.Faults.FailNext(SimOperation.StartPush, 20406);

        Assert.Equal(SessionStatus.Failed, (await JoinAndEndAsync(host, id, room)).Status);

        var result = (await host.Sessions.GetAsync(id, CancellationToken.None))!.Result!;
        Assert.Equal(20406, result.Error!.Code);
        Assert.Equal("Check whether the account is in arrears", result.Error.Advice);
        Assert.DoesNotContain(result.Timeline, e => e.Kind == TimelineKind.Retry);
        host.AssertNothingLeftRunning();
    }

    [Theory]
    [InlineData(40000412)]
    [InlineData(40000413)]
    public async Task StopPush_MeetsAlreadyEnded_CountsAsStopped(long code)
    {
        await using var host = await SessionTestHost.StartAsync();
        var room = TestRequests.NewRoom();
        var id = await host.CreateAsync(TestRequests.Session(room));
        await host.JoinAndGoLiveAsync(id, room, "anchor-1");

        // The first stop ends the push but its answer is lost; the retry hears "already ended".
        host.Simulator.Faults.DropNext(SimOperation.StopPush, 1, FaultTiming.AfterProcessing);
        host.Simulator.Faults.FailNext(SimOperation.StopPush, code);
        var ended = await host.CancelAndWaitAsync(id);

        Assert.Equal(SessionStatus.Completed, ended.Status);
        Assert.Null(ended.Result!.Error);
        var stops = ended.Result.Timeline.Where(e => e.Kind == TimelineKind.Call && e.Operation == SessionActivities.StopPush).ToList();
        Assert.Equal(code, stops[1].Code);
        Assert.Contains(stops, e => e.Message.Contains("already ended", StringComparison.Ordinal));
        host.AssertNothingLeftRunning();
    }

    [Fact]
    public async Task StartPush_AnsweredAfterTheClientsTimeout_IsStoppedThoughTheStartFailed()
    {
        await using var host = await SessionTestHost.StartAsync(settings: new Dictionary<string, string?> { ["Ilvb:RequestTimeout"] = "00:00:01" });
        var room = TestRequests.NewRoom();
        var id = await host.CreateAsync(TestRequests.Session(room).WithStartAttempts(1));
        host.Simulator.Faults.DelayNext(SimOperation.StartPush, TimeSpan.FromSeconds(3), 1, FaultTiming.AfterProcessing);

        var ended = await JoinAndEndAsync(host, id, room);

        Assert.Equal(SessionStatus.Failed, ended.Status);
        Assert.Equal(IlvbFailureKind.Timeout, ended.Result!.Error!.Kind);
        Assert.True(ended.Result.Error.OutcomeUnknown);
        Assert.Equal(1, host.Simulator.State.StartedPushCount(room, "anchor-1"));
        Assert.Contains(ended.Result.Timeline, e => e.Kind == TimelineKind.Call && e.Operation == SessionActivities.StopPush);
        host.AssertNothingLeftRunning();
    }

    [Fact]
    public async Task StartPush_TimedOutThenAlreadyRunning_CountsAsStartedAndIsStopped()
    {
        await using var host = await SessionTestHost.StartAsync(settings: new Dictionary<string, string?> { ["Ilvb:RequestTimeout"] = "00:00:01" });
        var room = TestRequests.NewRoom();
        var id = await host.CreateAsync(TestRequests.Session(room));
        host.Simulator.Faults.DelayNext(SimOperation.StartPush, TimeSpan.FromSeconds(3), 1, FaultTiming.AfterProcessing);

        var live = await host.JoinAndGoLiveAsync(id, room, "anchor-1");
        Assert.Empty(live.LiveUrls);
        Assert.Contains(live.Timeline, e => e.Kind == TimelineKind.Warning && e.Code == 40000415);
        var ended = await host.CancelAndWaitAsync(id);

        Assert.Equal(SessionStatus.Completed, ended.Status);
        Assert.Null(ended.Result!.ChannelId);
        Assert.Equal(1, host.Simulator.State.StartedPushCount(room, "anchor-1"));
        host.AssertNothingLeftRunning();
    }

    [Fact]
    public async Task StopPush_FatalAnswer_EndsStopFailedLoudly_AndANewSessionCleansUp()
    {
        await using var host = await SessionTestHost.StartAsync();
        var room = TestRequests.NewRoom();
        var id = await host.CreateAsync(TestRequests.Session(room));
        await host.JoinAndGoLiveAsync(id, room, "anchor-1");
        host.Simulator.Faults.FailNext(SimOperation.StopPush, 1001);

        var ended = await host.CancelAndWaitAsync(id);

        Assert.Equal(SessionStatus.StopFailed, ended.Status);
        Assert.Equal(1001, ended.Result!.Error!.Code);
        Assert.Contains(ended.Result.Timeline, e => e.Kind == TimelineKind.Error && e.Message.Contains("may still be running", StringComparison.Ordinal));
        Assert.Contains(host.Logs.GetSnapshot(), r => r.Level == LogLevel.Critical && r.Message.Contains(id, StringComparison.Ordinal));
        Assert.Single(host.Simulator.State.ActivePushes);

        // The operator's way out: a new session for the anchor finds the push running ("already running") and stops it.
        var rescue = await host.CreateAsync(TestRequests.Session(room));
        await host.JoinAndGoLiveAsync(rescue, room, "anchor-1");
        Assert.Equal(SessionStatus.Completed, (await host.CancelAndWaitAsync(rescue)).Status);
        host.AssertNothingLeftRunning();
    }

    private static async Task<SessionView> JoinAndEndAsync(SessionTestHost host, string id, uint room)
    {
        host.Simulator.State.JoinUser(room, "anchor-1");
        Assert.Equal(SignalResult.Delivered, await host.Sessions.SignalUserJoinedAsync(id, CancellationToken.None));
        return await host.WaitForEndAsync(id);
    }
}

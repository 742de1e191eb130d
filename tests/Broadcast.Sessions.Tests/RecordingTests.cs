using Broadcast.Ilvb;
using Broadcast.Ilvb.Simulator;

namespace Broadcast.Sessions.Tests;

/// <summary>A separate recording that cannot start: fatal when required, a degraded session when not.</summary>
public sealed class RecordingTests
{
    // 30000412 is "ending recording was requested more than once": no answer to a start, so not one that it started.
    [Theory]
    [InlineData(30000411)]
    [InlineData(30000412)]
    public async Task RequiredRecording_FailsToStart_FailsTheSessionAndStopsThePush(long code)
    {
        await using var host = await SessionTestHost.StartAsync();
        var room = TestRequests.NewRoom();
        var id = await host.CreateAsync(TestRequests.Session(room).WithRecording(RecordingMode.Separate, required: true));
        host.Simulator.Faults.FailNext(SimOperation.StartRecording, code);

        host.Simulator.State.JoinUser(room, "anchor-1");
        await host.Sessions.SignalUserJoinedAsync(id, CancellationToken.None);
        var ended = await host.WaitForEndAsync(id);

        Assert.Equal(SessionStatus.Failed, ended.Status);
        Assert.Equal(code, ended.Result!.Error!.Code);
        Assert.Equal(SessionActivities.StartRecording, ended.Result.Error.Operation);
        Assert.Equal(
            [SessionActivities.StartPush, SessionActivities.StartRecording, SessionActivities.StopPush],
            ended.Result.Timeline.Where(e => e.Kind == TimelineKind.Call).Select(e => e.Operation));
        Assert.Equal(1, host.Simulator.State.StartedPushCount(room, "anchor-1"));
        host.AssertNothingLeftRunning();
    }

    [Fact]
    public async Task OptionalRecording_FailsToStart_BroadcastsDegradedAndStopsThePushAtTheEnd()
    {
        await using var host = await SessionTestHost.StartAsync();
        var room = TestRequests.NewRoom();
        var id = await host.CreateAsync(TestRequests.Session(room).WithRecording(RecordingMode.Separate, required: false));
        host.Simulator.Faults.FailNext(SimOperation.StartRecording, 30000411);

        var live = await host.JoinAndGoLiveAsync(id, room, "anchor-1");
        Assert.True(live.RecordingDegraded);
        Assert.Equal(30000411, live.Error!.Code);
        Assert.Single(host.Simulator.State.ActivePushes);
        Assert.Empty(host.Simulator.State.ActiveRecordings);

        var ended = await host.CancelAndWaitAsync(id);

        Assert.Equal(SessionStatus.Completed, ended.Status);
        Assert.True(ended.Result!.RecordingDegraded);
        Assert.Empty(ended.Result.FileIds);
        Assert.DoesNotContain(ended.Result.Timeline, e => e.Operation == SessionActivities.StopRecording);
        host.AssertNothingLeftRunning();
    }

    [Fact]
    public async Task Recording_AmbiguousAnswer_IsTreatedAsStartedAndStopped()
    {
        await using var host = await SessionTestHost.StartAsync();
        var room = TestRequests.NewRoom();
        var id = await host.CreateAsync(TestRequests.Session(room).WithRecording(RecordingMode.Separate));
        host.Simulator.Faults.FailNext(SimOperation.StartRecording, 30000415);

        var live = await host.JoinAndGoLiveAsync(id, room, "anchor-1");
        Assert.False(live.RecordingDegraded);
        Assert.Contains(live.Timeline, e => e.Kind == TimelineKind.Warning && e.Code == 30000415);
        var ended = await host.CancelAndWaitAsync(id);

        // Nothing was recording after all: the stop hears "already ended", which counts as stopped.
        Assert.Equal(SessionStatus.Completed, ended.Status);
        Assert.Contains(ended.Result!.Timeline, e => e.Operation == SessionActivities.StopRecording && e.Code == 30000412);
        host.AssertNothingLeftRunning();
    }

    [Fact]
    public async Task RecordingStart_LostConnectionThenFatal_StopsTheRecordingThatMayHaveStarted()
    {
        await using var host = await SessionTestHost.StartAsync();
        var room = TestRequests.NewRoom();
        var id = await host.CreateAsync(TestRequests.Session(room).WithRecording(RecordingMode.Separate, required: false));
        host.Simulator.Faults.DropNext(SimOperation.StartRecording, 1, FaultTiming.AfterProcessing);
        host.Simulator.Faults.FailNext(SimOperation.StartRecording, 30000411);

        var live = await host.JoinAndGoLiveAsync(id, room, "anchor-1");
        Assert.True(live.RecordingDegraded);
        Assert.Single(host.Simulator.State.ActiveRecordings);
        var ended = await host.CancelAndWaitAsync(id);

        Assert.Equal(SessionStatus.Completed, ended.Status);
        Assert.Equal(IlvbFailureKind.VendorCode, ended.Result!.Error!.Kind);
        Assert.NotEmpty(ended.Result.FileIds);
        host.AssertNothingLeftRunning();
    }
}

using Broadcast.Ilvb.Simulator;

namespace Broadcast.Sessions.Tests;

/// <summary>The recording is stopped before the push, but a recording stop that keeps failing does not hold the push.</summary>
public sealed class StopOrderTests
{
    [Fact]
    public async Task RecordingStop_KeepsFailing_ThePushIsStoppedWhileItsRetriesGoOn()
    {
        await using var host = await SessionTestHost.StartAsync();
        var room = TestRequests.NewRoom();
        var id = await host.CreateAsync(TestRequests.Session(room).WithRecording(RecordingMode.Separate));
        await host.JoinAndGoLiveAsync(id, room, "anchor-1");
        host.Simulator.Faults.HttpErrorNext(SimOperation.StopRecording, 500, count: 100_000);

        Assert.Equal(SignalResult.Delivered, await host.Sessions.CancelAsync(id, null, CancellationToken.None));
        await Poll.UntilAsync(() => Task.FromResult(host.Simulator.State.ActivePushes.Count), count => count == 0,
            "the push stopped while the recording's stop fails");
        await host.WaitForAsync(id, v => v.Phase == nameof(SessionPhase.StoppingRecording), "the recording's stop going on");
        Assert.Single(host.Simulator.State.ActiveRecordings);

        host.Simulator.Faults.Clear();
        var ended = await host.WaitForEndAsync(id);

        Assert.Equal(SessionStatus.Completed, ended.Status);
        Assert.NotEmpty(ended.Result!.FileIds);
        var stops = ended.Result.Timeline
            .Where(e => e.Kind == TimelineKind.Call && e.Operation is SessionActivities.StopRecording or SessionActivities.StopPush)
            .Select(e => e.Operation)
            .ToList();
        Assert.Equal(Enumerable.Repeat(SessionActivities.StopRecording, StopPhases.RecordingHeadStart), stops.Take(StopPhases.RecordingHeadStart));
        Assert.Equal(SessionActivities.StopPush, stops[StopPhases.RecordingHeadStart]);
        Assert.All(stops.Skip(StopPhases.RecordingHeadStart + 1), operation => Assert.Equal(SessionActivities.StopRecording, operation));
        Assert.Single(stops, SessionActivities.StopPush);
        AssertRecordingAttemptsCountOnFromOne(ended);
        host.AssertNothingLeftRunning();
    }

    [Fact]
    public async Task RecordingStop_AlwaysFails_ItsAttemptLimitCountsTheAttemptsBeforeAndAfterThePush()
    {
        const int limit = StopPhases.RecordingHeadStart + 2;
        await using var host = await SessionTestHost.StartAsync();
        var room = TestRequests.NewRoom();
        var request = TestRequests.Session(room).WithRecording(RecordingMode.Separate) with
        {
            Retry = new SessionRetryOverrides { Stop = new RetryOverride { MaxAttempts = limit } },
        };
        var id = await host.CreateAsync(request);
        await host.JoinAndGoLiveAsync(id, room, "anchor-1");
        host.Simulator.Faults.HttpErrorNext(SimOperation.StopRecording, 500, count: 100_000);

        var ended = await host.CancelAndWaitAsync(id);

        Assert.Equal(SessionStatus.StopFailed, ended.Status);
        Assert.Equal(SessionActivities.StopRecording, ended.Result!.Error!.Operation);
        Assert.Empty(host.Simulator.State.ActivePushes);
        Assert.Single(host.Simulator.State.ActiveRecordings);
        Assert.Equal(
            [.. Enumerable.Repeat(SessionActivities.StopRecording, StopPhases.RecordingHeadStart), SessionActivities.StopPush,
                .. Enumerable.Repeat(SessionActivities.StopRecording, limit - StopPhases.RecordingHeadStart)],
            ended.Result.Timeline
                .Where(e => e.Kind == TimelineKind.Call && e.Operation is SessionActivities.StopRecording or SessionActivities.StopPush)
                .Select(e => e.Operation));
        Assert.Equal(limit, AssertRecordingAttemptsCountOnFromOne(ended));
        Assert.Contains(ended.Result.Timeline, e => e.Kind == TimelineKind.Error
            && e.Message.Contains($"giving up after {limit} attempt(s)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RecordingStop_FailsWithinItsHeadStart_StopsTheRecordingBeforeThePush()
    {
        await using var host = await SessionTestHost.StartAsync();
        var room = TestRequests.NewRoom();
        var id = await host.CreateAsync(TestRequests.Session(room).WithRecording(RecordingMode.Separate));
        await host.JoinAndGoLiveAsync(id, room, "anchor-1");
        host.Simulator.Faults.HttpErrorNext(SimOperation.StopRecording, 500, count: StopPhases.RecordingHeadStart - 1);

        var ended = await host.CancelAndWaitAsync(id);

        Assert.Equal(SessionStatus.Completed, ended.Status);
        Assert.NotEmpty(ended.Result!.FileIds);
        Assert.Equal(
            [.. Enumerable.Repeat(SessionActivities.StopRecording, StopPhases.RecordingHeadStart), SessionActivities.StopPush],
            ended.Result.Timeline
                .Where(e => e.Kind == TimelineKind.Call && e.Operation is SessionActivities.StopRecording or SessionActivities.StopPush)
                .Select(e => e.Operation));
        host.AssertNothingLeftRunning();
    }

    /// <summary>The recording stop's attempts are numbered 1, 2, 3, … across the pause; the pause itself has no wait.</summary>
    private static int AssertRecordingAttemptsCountOnFromOne(SessionView ended)
    {
        var recording = ended.Result!.Timeline.Where(e => e.Operation == SessionActivities.StopRecording).ToList();
        var attempts = recording.Where(e => e.Kind == TimelineKind.Call && e.Attempt is not null).Select(e => e.Attempt!.Value).ToList();
        Assert.Equal(Enumerable.Range(1, attempts.Count), attempts);
        var paused = Assert.Single(recording, e => e.Kind == TimelineKind.Retry && e.Delay is null);
        Assert.Equal(StopPhases.RecordingHeadStart + 1, paused.Attempt);
        return attempts.Count;
    }

    [Fact]
    public void Input_OfANewSession_CarriesTheHeadStart_AndAnInputWithoutIt_ReadsAsNone()
    {
        var input = BroadcastSessionInput.Create(TestRequests.Session(TestRequests.NewRoom()), new SessionOptions());
        Assert.Equal(StopPhases.RecordingHeadStart, input.RecordingStopHeadStart);

        // An input stored before the head start existed replays the order it ran with: no pause.
        var json = System.Text.Json.JsonSerializer.Serialize(input);
        var stored = json.Replace("\"RecordingStopHeadStart\":3", "\"Unrelated\":0", StringComparison.Ordinal);
        Assert.NotEqual(json, stored);
        Assert.Null(System.Text.Json.JsonSerializer.Deserialize<BroadcastSessionInput>(stored)!.RecordingStopHeadStart);
    }
}

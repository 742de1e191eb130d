using Broadcast.Ilvb;
using Microsoft.Extensions.Time.Testing;

namespace Broadcast.Sessions.Tests;

/// <summary>A session from creation to its end: the happy paths, the join timeout, cancels and the maximum duration.</summary>
public sealed class SessionLifecycleTests
{
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
}

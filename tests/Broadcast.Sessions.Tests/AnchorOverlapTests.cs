using Broadcast.Ilvb.Simulator;
using Microsoft.Extensions.DependencyInjection;

namespace Broadcast.Sessions.Tests;

/// <summary>
/// Two sessions of one anchor at once (different keys, or a schedule that allows every occurrence): the vendor keeps one
/// push per anchor, so the session that ends first must not stop the push the other one is live on.
/// </summary>
public sealed class AnchorOverlapTests
{
    [Fact]
    public async Task TheFirstToEnd_LeavesThePushToTheLiveOne_WhichStopsIt_AndTheSweeperClosesTheFirstsEntryAfter()
    {
        // The sweeper runs by hand here, with no grace, to show what it does with the entry the first session left open.
        await using var host = await SessionTestHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Sweeper:Enabled"] = "false",
            ["Sweeper:Grace"] = "00:00:00",
        });
        var sweeper = host.Services.GetRequiredService<LeakSweeper>();
        var room = TestRequests.NewRoom();
        var first = await host.CreateAsync(TestRequests.Session(room, key: "first"));
        var second = await host.CreateAsync(TestRequests.Session(room, key: "second"));
        await host.JoinAndGoLiveAsync(first, room, "anchor-1");
        await host.JoinAndGoLiveAsync(second, room, "anchor-1"); // its start meets "already running": counted as started

        var firstEnded = await host.CancelAndWaitAsync(first);

        Assert.Equal(SessionStatus.Completed, firstEnded.Status);
        Assert.Single(host.Simulator.State.ActivePushes);
        Assert.Equal(SessionStatus.Live, (await host.Sessions.GetAsync(second, CancellationToken.None))!.Status);
        Assert.DoesNotContain(host.Simulator.State.Calls, c => c.Operation == SimOperation.StopPush);
        Assert.Contains(firstEnded.Result!.Timeline, e => e.Operation == SessionActivities.StopPush
            && e.Message.Contains($"session {second} (Live)", StringComparison.Ordinal));
        var deferred = await sweeper.SweepAsync(CancellationToken.None);
        Assert.Equal(0, deferred.Stopped);
        Assert.Equal(2, deferred.OpenAfter); // the first session's, deferred, and the live second session's
        Assert.Single(host.Simulator.State.ActivePushes);

        var secondEnded = await host.CancelAndWaitAsync(second);
        Assert.Equal(SessionStatus.Completed, secondEnded.Status);
        Assert.Single(host.Simulator.State.Calls, c => c.Operation == SimOperation.StopPush);
        host.AssertNothingLeftRunning();
        var swept = await sweeper.SweepAsync(CancellationToken.None);
        Assert.Equal((1, 0), (swept.Stopped, swept.OpenAfter)); // "already ended" closes it
    }

    [Fact]
    public async Task AnotherSessionStillWaitingForItsJoin_DoesNotHoldThePush_SoItIsStopped()
    {
        await using var host = await SessionTestHost.StartAsync();
        var room = TestRequests.NewRoom();
        var live = await host.CreateAsync(TestRequests.Session(room, key: "live"));
        var waiting = await host.CreateAsync(TestRequests.Session(room, key: "waiting"));
        await host.JoinAndGoLiveAsync(live, room, "anchor-1");
        await host.WaitForPhaseAsync(waiting, "WaitingForJoin");

        var ended = await host.CancelAndWaitAsync(live);

        Assert.Equal(SessionStatus.Completed, ended.Status);
        Assert.Single(host.Simulator.State.Calls, c => c.Operation == SimOperation.StopPush);
        host.AssertNothingLeftRunning();
        await host.CancelAndWaitAsync(waiting);
    }
}

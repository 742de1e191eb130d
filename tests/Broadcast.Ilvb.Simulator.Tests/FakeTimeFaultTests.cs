using Microsoft.Extensions.Time.Testing;

namespace Broadcast.Ilvb.Simulator.Tests;

/// <summary>Delays and latency under a fake clock: the call is provably held until the clock moves.</summary>
public sealed class FakeTimeFaultTests : SimulatorTest
{
    private static readonly TimeSpan Hold = TimeSpan.FromSeconds(30);
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2030, 5, 6, 7, 8, 9, TimeSpan.Zero));

    protected override SimulatorOptions CreateOptions() => new() { TimeProvider = time };

    [Fact]
    public async Task DelayNext_BeforeProcessing_NothingHappensUntilTheDelayElapses()
    {
        State.JoinUser(1, "alice");
        Faults.DelayNext(SimOperation.StartPush, Hold, 1, FaultTiming.BeforeProcessing);

        var call = Client.StartPushAsync(1, "alice");
        await TimeAssist.WaitUntilAsync(() => Faults.PendingCount(SimOperation.StartPush) == 0, "the call reached the simulator");

        Assert.False(call.IsCompleted);
        Assert.Empty(State.ActivePushes);
        var reply = await TimeAssist.AdvanceUntilDoneAsync(time, Hold, call);
        Assert.Equal(0, reply.Code);
        Assert.Single(State.ActivePushes);
    }

    [Fact]
    public async Task DelayNext_AfterProcessing_PushIsLiveWhileTheCallerStillWaits()
    {
        State.JoinUser(1, "alice");
        Faults.DelayNext(SimOperation.StartPush, Hold, 1, FaultTiming.AfterProcessing);

        var call = Client.StartPushAsync(1, "alice");
        await TimeAssist.WaitUntilAsync(() => State.IsPushing(1, "alice"), "the push went live");

        Assert.False(call.IsCompleted);
        var reply = await TimeAssist.AdvanceUntilDoneAsync(time, Hold, call);
        Assert.Equal(0, reply.Code);
    }

    [Fact]
    public async Task DelayNext_AfterProcessing_CallerGivingUp_LeavesThePushLive()
    {
        State.JoinUser(1, "alice");
        Faults.DelayNext(SimOperation.StartPush, Hold, 1, FaultTiming.AfterProcessing);
        using var cancel = new CancellationTokenSource();

        var call = Client.SendAsync(Wire.Push(1, "alice", Wire.StartPushBody()), cancellationToken: cancel.Token);
        await TimeAssist.WaitUntilAsync(() => State.IsPushing(1, "alice"), "the push went live");
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        await TimeAssist.WaitUntilAsync(() => State.Calls.Count == 1, "the abandoned call was logged");
        var logged = Assert.Single(State.Calls);
        Assert.True(logged.Processed);
        Assert.True(State.IsPushing(1, "alice"));
    }

    [Fact]
    public async Task Latency_HoldsEveryCall()
    {
        State.JoinUser(1, "alice");
        Faults.Latency = Hold;

        var reply = await TimeAssist.AdvanceUntilDoneAsync(time, Hold, Client.StartPushAsync(1, "alice"));

        Assert.Equal(0, reply.Code);
        var call = Assert.Single(State.Calls);
        Assert.Equal((Hold, (FaultKind?)null), (call.Delay, call.Fault));
    }

    [Fact]
    public async Task CallRecord_CarriesTheSimulatorClockAndTheCall()
    {
        State.JoinUser(1, "alice");

        await Client.StartPushAsync(1, "alice", seq: 808);

        var call = Assert.Single(State.Calls);
        Assert.Equal(
            new CallRecord(time.GetUtcNow(), SimOperation.StartPush, 1, "alice", 808, 0, true, null, TimeSpan.Zero),
            call);
        Assert.Equal(time.GetUtcNow(), Assert.Single(State.ActivePushes).StartedAt);
    }
}

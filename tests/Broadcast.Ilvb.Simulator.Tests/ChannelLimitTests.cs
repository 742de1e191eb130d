namespace Broadcast.Ilvb.Simulator.Tests;

public sealed class ChannelLimitTests : SimulatorTest
{
    protected override SimulatorOptions CreateOptions() => new() { ChannelLimit = 1 };

    [Fact]
    public async Task StartPush_ChannelLimitReached_Answers20101UntilAChannelIsFreed()
    {
        State.JoinUser(7, "alice");
        State.JoinUser(8, "bob");
        await Client.StartPushAsync(7, "alice");

        var refused = await Client.StartPushAsync(8, "bob");
        await Client.StopPushAsync(7, "alice");
        var accepted = await Client.StartPushAsync(8, "bob");

        Assert.Equal(20101, refused.Code);
        Assert.Equal(0, accepted.Code);
        Assert.Equal(8u, Assert.Single(State.ActivePushes).RoomId);
    }
}

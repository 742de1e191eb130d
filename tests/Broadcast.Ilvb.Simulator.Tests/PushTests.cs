using System.Text.Json.Nodes;

namespace Broadcast.Ilvb.Simulator.Tests;

public sealed class PushTests : SimulatorTest
{
    [Fact]
    public async Task StartPush_RoomNobodyJoined_Answers40000410()
    {
        var reply = await Client.StartPushAsync(7, "alice");

        Assert.Equal(40000410, reply.Code);
        Assert.Contains("room requesting push does not exist", reply.ErrorInfo, StringComparison.Ordinal);
        Assert.Empty(State.ActivePushes);
    }

    [Fact]
    public async Task StartPush_BeforeUserJoined_Answers40000411()
    {
        State.JoinUser(7, "bob");

        var reply = await Client.StartPushAsync(7, "alice");

        Assert.Equal(40000411, reply.Code);
        Assert.Empty(State.ActivePushes);
    }

    [Fact]
    public async Task StartPush_AfterUserLeft_Answers40000411()
    {
        State.JoinUser(7, "alice");
        State.LeaveUser(7, "alice");

        var reply = await Client.StartPushAsync(7, "alice");

        Assert.Equal(40000411, reply.Code);
    }

    [Fact]
    public async Task StartPush_UserInRoom_ReturnsChannelAndGoesLive()
    {
        State.JoinUser(7, "alice");

        var reply = await Client.StartPushAsync(7, "alice");

        Assert.Equal(0, reply.Code);
        var push = Assert.Single(State.ActivePushes);
        Assert.Equal((7u, "alice"), (push.RoomId, push.UserId));
        Assert.Equal(push.ChannelId, reply.ChannelId);
        Assert.True(reply.ChannelId > (1UL << 53), "channel ids exceed 2^53 so a client reading them as double is caught");
        Assert.Null(reply.Rsp!["uint32_tape_task_id"]);
        Assert.Equal(1, State.StartedPushCount(7, "alice"));
    }

    [Fact]
    public async Task StartPush_Twice_SecondAnswers40000415AndOnePushStaysLive()
    {
        State.JoinUser(7, "alice");
        var first = await Client.StartPushAsync(7, "alice");

        var second = await Client.StartPushAsync(7, "alice");

        Assert.Equal(40000415, second.Code);
        var push = Assert.Single(State.ActivePushes);
        Assert.Equal(first.ChannelId, push.ChannelId);
        Assert.Equal(1, State.StartedPushCount(7, "alice"));
    }

    [Fact]
    public async Task StopPush_Live_StopsIt()
    {
        State.JoinUser(7, "alice");
        await Client.StartPushAsync(7, "alice");

        var reply = await Client.StopPushAsync(7, "alice");

        Assert.Equal(0, reply.Code);
        Assert.Empty(State.ActivePushes);
        Assert.False(State.IsPushing(7, "alice"));
    }

    [Fact]
    public async Task StopPush_Twice_SecondAnswers40000412()
    {
        State.JoinUser(7, "alice");
        await Client.StartPushAsync(7, "alice");
        await Client.StopPushAsync(7, "alice");

        var second = await Client.StopPushAsync(7, "alice");

        Assert.Equal(40000412, second.Code);
    }

    [Fact]
    public async Task StopPush_NothingEverStarted_Answers40000412()
    {
        var reply = await Client.StopPushAsync(99, "ghost");

        Assert.Equal(40000412, reply.Code);
    }

    [Fact]
    public async Task LeaveRoom_WhilePushing_PushStaysLiveUntilStopped()
    {
        State.JoinUser(7, "alice");
        await Client.StartPushAsync(7, "alice");

        State.LeaveUser(7, "alice");

        Assert.True(State.IsPushing(7, "alice"));
        var stop = await Client.StopPushAsync(7, "alice");
        Assert.Equal(0, stop.Code);
        Assert.Empty(State.ActivePushes);
    }

    [Fact]
    public async Task StartPush_AfterStop_StartsANewChannel()
    {
        State.JoinUser(7, "alice");
        var first = await Client.StartPushAsync(7, "alice");
        await Client.StopPushAsync(7, "alice");

        var second = await Client.StartPushAsync(7, "alice");

        Assert.Equal(0, second.Code);
        Assert.NotEqual(first.ChannelId, second.ChannelId);
        Assert.Equal(2, State.StartedPushCount(7, "alice"));
    }

    [Fact]
    public async Task StartPush_TapeFlag_ReturnsTapeTaskIdThatEndsWithThePush()
    {
        State.JoinUser(7, "alice");

        var reply = await Client.StartPushAsync(7, "alice", tapeFlag: 1);

        var tapeTaskId = reply.Rsp!["uint32_tape_task_id"]!.GetValue<uint>();
        Assert.Equal(tapeTaskId, Assert.Single(State.ActivePushes).TapeTaskId);
        Assert.Empty(State.ActiveRecordings);
        await Client.StopPushAsync(7, "alice");
        Assert.Empty(State.ActivePushes);
    }

    [Theory]
    [InlineData(1u, new uint[0], new[] { "1:0" })]
    [InlineData(5u, new uint[0], new[] { "5:0" })]
    [InlineData(6u, new uint[0], new[] { "1:0", "5:0" })]
    [InlineData(1u, new uint[] { 0, 10, 20 }, new[] { "1:0", "1:10", "1:20" })]
    [InlineData(5u, new uint[] { 20 }, new[] { "5:20" })]
    [InlineData(6u, new uint[] { 10, 20 }, new[] { "1:10", "1:20", "5:10", "5:20" })]
    public async Task StartPush_LiveUrls_OnePerOutputCodingAndBitrate(uint liveCode, uint[] rates, string[] expected)
    {
        State.JoinUser(7, "alice");

        var reply = await Client.StartPushAsync(7, "alice", liveCode, rates.Length == 0 ? null : rates);

        Assert.Equal(0, reply.Code);
        var urls = reply.LiveUrls.Select(u => (JsonObject)u!).ToList();
        Assert.Equal(expected, urls.Select(u => $"{u["uint32_type"]!.GetValue<uint>()}:{u["RateType "]!.GetValue<uint>()}"));
        foreach (var url in urls)
        {
            var playUrl = url["string_play_url"]!.GetValue<string>();
            Assert.Contains(reply.ChannelId.ToString(System.Globalization.CultureInfo.InvariantCulture), playUrl, StringComparison.Ordinal);
            Assert.StartsWith(url["uint32_type"]!.GetValue<uint>() == 1 ? "http://" : "rtmp://", playUrl, StringComparison.Ordinal);
        }

        Assert.Equal(urls.Count, urls.Select(u => u["string_play_url"]!.GetValue<string>()).Distinct().Count());
    }

    [Fact]
    public async Task StartPush_TwoUsersInTheSameRoom_BothGoLive()
    {
        State.JoinUser(7, "alice");
        State.JoinUser(7, "bob");

        var alice = await Client.StartPushAsync(7, "alice");
        var bob = await Client.StartPushAsync(7, "bob");

        Assert.Equal((0L, 0L), (alice.Code, bob.Code));
        Assert.Equal(2, State.ActivePushes.Count);
    }
}

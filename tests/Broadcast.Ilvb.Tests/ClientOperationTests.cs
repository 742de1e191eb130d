using Broadcast.Ilvb.Simulator;

namespace Broadcast.Ilvb.Tests;

/// <summary>Every operation of the client against the simulator over loopback HTTP.</summary>
public class ClientOperationTests
{
    private static readonly StreamTarget Anchor = new(1001, "anchor_01");

    [Fact]
    public async Task AllFourOperations_AfterJoin_StartAndStop_LeavingNothingLive()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        harness.State.JoinUser(Anchor.RoomId, Anchor.UserId);

        var push = await harness.Client.StartPushAsync(new StartPushRequest
        {
            Target = Anchor,
            ChannelName = "evening show",
            LiveCode = LiveCode.HlsAndRtmp,
            Bitrates = [Bitrate.Original, Bitrate.Hd],
            Tape = true,
        });
        var live = Assert.Single(harness.State.ActivePushes);
        await harness.Client.StartRecordingAsync(new StartRecordingRequest { Target = Anchor, FileName = "evening-show", Tags = ["news"] });
        var recording = Assert.Single(harness.State.ActiveRecordings);
        var stopped = await harness.Client.StopRecordingAsync(new StopRecordingRequest { Target = Anchor });
        await harness.Client.StopPushAsync(new StopPushRequest { Target = Anchor });

        Assert.Equal(live.ChannelId, push.ChannelId);
        Assert.Equal(live.TapeTaskId, push.TapeTaskId);
        Assert.NotNull(push.TapeTaskId);
        Assert.Equal(
            live.LiveUrls.Select(u => new PlayUrl((LiveCode)u.Type, u.PlayUrl, (Bitrate)u.RateType)).ToHashSet(),
            push.LiveUrls.ToHashSet());
        Assert.Equal([Bitrate.Original, Bitrate.Hd], push.LiveUrls.Select(u => u.Bitrate).Distinct().Order());
        Assert.Equal((Anchor.RoomId, Anchor.UserId, "evening-show"), (recording.RoomId, recording.UserId, recording.FileName));
        Assert.NotEmpty(stopped.FileIds);
        Assert.Empty(harness.State.ActivePushes);
        Assert.Empty(harness.State.ActiveRecordings);
    }

    [Theory]
    [InlineData(ResponseShape.Wrapped, true)]
    [InlineData(ResponseShape.Flat, true)]
    [InlineData(ResponseShape.Alternating, true)]
    [InlineData(ResponseShape.Wrapped, false)]
    [InlineData(ResponseShape.Flat, false)]
    public async Task EveryResponseShape_IsRead(ResponseShape shape, bool seedRateTypeKey)
    {
        await using var harness = await SimulatorHarness.StartAsync(o =>
        {
            o.ResponseShape = shape;
            o.SeedRateTypeKey = seedRateTypeKey;
        });
        harness.State.JoinUser(Anchor.RoomId, Anchor.UserId);

        var first = await harness.Client.StartPushAsync(new StartPushRequest { Target = Anchor, ChannelName = "c", Bitrates = [Bitrate.Sd] });
        await harness.Client.StopPushAsync(new StopPushRequest { Target = Anchor });
        var second = await harness.Client.StartPushAsync(new StartPushRequest { Target = Anchor, ChannelName = "c", Bitrates = [Bitrate.Sd] });

        Assert.All(first.LiveUrls.Concat(second.LiveUrls), url => Assert.Equal(Bitrate.Sd, url.Bitrate));
        Assert.NotEmpty(first.LiveUrls);
        Assert.NotEqual(first.ChannelId, second.ChannelId);
        Assert.Equal(second.ChannelId, Assert.Single(harness.State.ActivePushes).ChannelId);
    }
}

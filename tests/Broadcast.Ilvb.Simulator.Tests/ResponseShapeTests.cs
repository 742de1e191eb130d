namespace Broadcast.Ilvb.Simulator.Tests;

public sealed class ResponseShapeTests
{
    [Fact]
    public async Task Wrapped_PutsFieldsInsideRsp0x6()
    {
        await using var simulator = await IlvbSimulator.StartAsync(new SimulatorOptions { ResponseShape = ResponseShape.Wrapped });
        using var client = new SimClient(simulator.BaseUrl);
        simulator.State.JoinUser(1, "alice");

        var reply = await client.StartPushAsync(1, "alice");

        Assert.Equal(0, reply.Json["rspbody"]!["rsp_0x6"]!["uint32_result"]!.GetValue<long>());
        Assert.Null(reply.Json["rspbody"]!["uint32_result"]);
    }

    [Fact]
    public async Task Flat_PutsFieldsDirectlyInRspbody()
    {
        await using var simulator = await IlvbSimulator.StartAsync(new SimulatorOptions { ResponseShape = ResponseShape.Flat });
        using var client = new SimClient(simulator.BaseUrl);
        simulator.State.JoinUser(1, "alice");

        var push = await client.StartPushAsync(1, "alice");
        var recording = await client.StartRecordingAsync(1, "alice");

        Assert.Null(push.Json["rspbody"]!["rsp_0x6"]);
        Assert.NotNull(push.Json["rspbody"]!["uint64_channel_id"]);
        Assert.Equal(0, recording.Json["rspbody"]!["uint32_result"]!.GetValue<long>());
    }

    [Fact]
    public async Task Alternating_SwitchesBetweenWrappedAndFlat()
    {
        await using var simulator = await IlvbSimulator.StartAsync(new SimulatorOptions { ResponseShape = ResponseShape.Alternating });
        using var client = new SimClient(simulator.BaseUrl);

        var shapes = new List<bool>();
        for (var i = 0; i < 4; i++)
        {
            var reply = await client.StopPushAsync(1, "alice");
            shapes.Add(reply.Json["rspbody"]!["rsp_0x6"] is not null);
            Assert.Equal(40000412, reply.Code);
        }

        Assert.Equal([true, false, true, false], shapes);
    }

    [Theory]
    [InlineData(true, "RateType ")]
    [InlineData(false, "RateType")]
    public async Task LiveUrl_RateTypeKey_FollowsOption(bool seedKey, string expectedKey)
    {
        await using var simulator = await IlvbSimulator.StartAsync(new SimulatorOptions { SeedRateTypeKey = seedKey });
        using var client = new SimClient(simulator.BaseUrl);
        simulator.State.JoinUser(1, "alice");

        var reply = await client.StartPushAsync(1, "alice", rates: [20]);

        var url = reply.LiveUrls[0]!.AsObject();
        Assert.Equal(20u, url[expectedKey]!.GetValue<uint>());
        Assert.Equal(["uint32_type", "string_play_url", expectedKey], url.Select(p => p.Key));
    }
}

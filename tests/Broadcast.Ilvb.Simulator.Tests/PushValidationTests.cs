using System.Text.Json.Nodes;

namespace Broadcast.Ilvb.Simulator.Tests;

public sealed class PushValidationTests : SimulatorTest
{
    [Theory]
    [InlineData("uint32_oper", null, 40000002)]
    [InlineData("uint32_oper", 3, 40000005)]
    [InlineData("uint32_oper", "1", 40000005)]
    [InlineData("uint32_live_code", null, 40000003)]
    [InlineData("uint32_live_code", 2, 40000003)]
    [InlineData("uint32_push_data_type", null, 40000004)]
    [InlineData("uint32_push_data_type", 2, 40000004)]
    [InlineData("uint32_sdk_type", null, 40000000)]
    [InlineData("uint32_sdk_type", 3, 40000000)]
    [InlineData("str_channel_name", null, 40000000)]
    [InlineData("str_channel_describe", null, 40000000)]
    [InlineData("str_player_pwd", null, 40000000)]
    [InlineData("str_player_pwd", 123, 40000000)]
    [InlineData("uint32_tape_flag", null, 40000000)]
    [InlineData("uint32_tape_flag", 2, 40000000)]
    [InlineData("uint32_watermark_flag", 5, 40000000)]
    [InlineData("uint32_watermark_id", -1, 40000000)]
    [InlineData("rpt_rate_type", 10, 40000000)]
    public async Task StartPush_BadField_AnswersSeedCodeAndStartsNothing(string field, object? value, long expected)
    {
        State.JoinUser(1, "alice");
        var req = Wire.StartPushBody();
        Set(req, field, value);

        var reply = await Client.SendAsync(Wire.Push(1, "alice", req));

        Assert.Equal(expected, reply.Code);
        Assert.Contains(field, reply.ErrorInfo, StringComparison.Ordinal);
        Assert.Empty(State.ActivePushes);
    }

    [Fact]
    public async Task StartPush_UnknownBitrate_Answers40000000()
    {
        State.JoinUser(1, "alice");

        var reply = await Client.StartPushAsync(1, "alice", rates: [0, 15]);

        Assert.Equal(40000000, reply.Code);
        Assert.Contains("rpt_rate_type", reply.ErrorInfo, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Push_RequestPacketMissing_Answers40000001()
    {
        State.JoinUser(1, "alice");
        var envelope = Wire.Envelope(Wire.Head(6, 1, "alice"), "req_0x5", Wire.StartRecordingBody());

        var reply = await Client.SendAsync(envelope);

        Assert.Equal(40000001, reply.Code);
        Assert.Empty(State.ActivePushes);
        Assert.Empty(State.ActiveRecordings);
    }

    [Theory]
    [InlineData("uint32_push_data_type", 40000004)]
    [InlineData("uint32_sdk_type", 40000000)]
    public async Task StopPush_RequiredFieldMissing_AnswersSeedCodeAndKeepsPushLive(string field, long expected)
    {
        State.JoinUser(1, "alice");
        await Client.StartPushAsync(1, "alice");
        var req = Wire.StopPushBody();
        req.Remove(field);

        var reply = await Client.SendAsync(Wire.Push(1, "alice", req));

        Assert.Equal(expected, reply.Code);
        Assert.Single(State.ActivePushes);
    }

    [Fact]
    public async Task StopPush_WithoutStartOnlyFields_Stops()
    {
        State.JoinUser(1, "alice");
        await Client.StartPushAsync(1, "alice");

        var reply = await Client.SendAsync(Wire.Push(1, "alice", Wire.StopPushBody()));

        Assert.Equal(0, reply.Code);
        Assert.Empty(State.ActivePushes);
    }

    private static void Set(JsonObject req, string field, object? value)
    {
        if (value is null)
        {
            req.Remove(field);
        }
        else
        {
            req[field] = value switch
            {
                int i => JsonValue.Create(i),
                string s => JsonValue.Create(s),
                _ => throw new ArgumentOutOfRangeException(nameof(value)),
            };
        }
    }
}

using Broadcast.Ilvb.Wire;
using Newtonsoft.Json;

namespace Broadcast.Ilvb.Tests;

public class WireParsingTests
{
    private const string Push = """
        {"uint32_result":0,"str_errorinfo":"","uint64_channel_id":9001,
         "msg_live_url":[{"uint32_type":1,"string_play_url":"http://play/hls.m3u8","RateType ":10},
                         {"uint32_type":5,"string_play_url":"rtmp://play/live","RateType":20}],
         "uint32_tape_task_id":77}
        """;

    [Fact]
    public void Body_Wrapped_IsRead()
    {
        var response = VideoRelayJson.ParseResponse("""{"reqhead":{"uint32_seq":7},"rspbody":{"rsp_0x6":""" + Push + "}}");

        AssertPush(VideoRelayJson.ReadBody<Rsp0x6>(response.RspBody!, "rsp_0x6"));
    }

    [Fact]
    public void Body_Flat_IsRead()
    {
        var response = VideoRelayJson.ParseResponse("""{"reqhead":{"uint32_seq":7},"rspbody":""" + Push + "}");

        AssertPush(VideoRelayJson.ReadBody<Rsp0x6>(response.RspBody!, "rsp_0x6"));
    }

    [Fact]
    public void RateType_WithTheSeedsTrailingSpace_ReadsLikeRateType()
    {
        var response = VideoRelayJson.ParseResponse(
            """{"reqhead":{},"rspbody":{"msg_live_url":[{"uint32_type":1,"string_play_url":"u","RateType ":20}]}}""");

        var url = Assert.Single(VideoRelayJson.ReadBody<Rsp0x6>(response.RspBody!, "rsp_0x6").LiveUrls!);
        Assert.Equal(20u, url.Bitrate);
    }

    [Fact]
    public void Header_UnderRsphead_IsAccepted()
    {
        var response = VideoRelayJson.ParseResponse("""{"rsphead":{"uint32_seq":42,"bytes_cookie_buff":"c0"},"rspbody":{}}""");

        Assert.Equal(42u, response.Head!.Sequence);
        Assert.Equal("c0", response.Head.CookieBuffer);
    }

    [Fact]
    public void UnknownFields_AreIgnored_Everywhere()
    {
        var response = VideoRelayJson.ParseResponse("""
            {"extra":1,"reqhead":{"uint32_seq":3,"new_field":[1,2],"uint32_result":0},
             "rspbody":{"rsp_0x5":{"uint32_result":0,"str_fileID":["f1","f2"],"uint64_future":5,"nested":{"a":"b"}}}}
            """);

        var body = VideoRelayJson.ReadBody<Rsp0x5>(response.RspBody!, "rsp_0x5");
        Assert.Equal(3u, response.Head!.Sequence);
        Assert.Equal(["f1", "f2"], body.FileIds);
    }

    [Fact]
    public void NumbersAsStrings_AreAccepted()
    {
        var response = VideoRelayJson.ParseResponse("""
            {"reqhead":{"uint32_seq":"4294967295","uint32_result":"-3","uint32_sub_cmd":"6"},
             "rspbody":{"rsp_0x6":{"uint32_result":"40000411","uint64_channel_id":"18446744073709551615","uint32_tape_task_id":"12",
                                   "msg_live_url":[{"uint32_type":"5","string_play_url":"rtmp://x","RateType ":"10"}]}}}
            """);

        var body = VideoRelayJson.ReadBody<Rsp0x6>(response.RspBody!, "rsp_0x6");
        Assert.Equal(uint.MaxValue, response.Head!.Sequence);
        Assert.Equal(-3, response.Head.Result);
        Assert.Equal(40000411, body.Result);
        Assert.Equal(ulong.MaxValue, body.ChannelId);
        Assert.Equal(12u, body.TapeTaskId);
        Assert.Equal(5u, body.LiveUrls![0].Type);
        Assert.Equal(10u, body.LiveUrls[0].Bitrate);
    }

    [Fact]
    public void OptionalFields_MayBeAbsent()
    {
        var response = VideoRelayJson.ParseResponse("""{"reqhead":{},"rspbody":{"rsp_0x6":{}}}""");

        var body = VideoRelayJson.ReadBody<Rsp0x6>(response.RspBody!, "rsp_0x6");
        Assert.Null(body.Result);
        Assert.Null(body.LiveUrls);
        Assert.Null(body.ChannelId);
        Assert.Null(response.Head!.Sequence);
    }

    [Theory]
    [InlineData("""  "[{\"uint32_type\":1,\"string_play_url\":\"u1\",\"RateType \":10}]"  """)]
    [InlineData("""  {"uint32_type":1,"string_play_url":"u1","RateType":10}  """)]
    public void LiveUrls_AsAStringOrASingleObject_AreRead(string liveUrls)
    {
        var response = VideoRelayJson.ParseResponse("""{"reqhead":{},"rspbody":{"msg_live_url":""" + liveUrls + "}}");

        var url = Assert.Single(VideoRelayJson.ReadBody<Rsp0x6>(response.RspBody!, "rsp_0x6").LiveUrls!);
        Assert.Equal(new LiveUrl { Type = 1, PlayUrl = "u1", Bitrate = 10 }, url);
    }

    [Fact]
    public void FileIds_AsASingleString_AreRead()
    {
        var response = VideoRelayJson.ParseResponse("""{"reqhead":{},"rspbody":{"rsp_0x5":{"str_fileID":"only-one"}}}""");

        Assert.Equal(["only-one"], VideoRelayJson.ReadBody<Rsp0x5>(response.RspBody!, "rsp_0x5").FileIds);
    }

    [Fact]
    public void Body_HoldingAnotherPacket_IsNotReadAsOurs()
    {
        var response = VideoRelayJson.ParseResponse("""{"reqhead":{},"rspbody":{"rsp_0x5":{"uint32_result":0}}}""");

        var ex = Assert.ThrowsAny<JsonException>(() => VideoRelayJson.ReadBody<Rsp0x6>(response.RspBody!, "rsp_0x6"));
        Assert.Contains("rsp_0x5", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnreadableOptionalMembers_AreLeftOutAndNamed_WhenAsked()
    {
        var response = VideoRelayJson.ParseResponse("""
            {"reqhead":{},"rspbody":{"rsp_0x6":{"uint32_result":0,"uint64_channel_id":"not a number","uint32_tape_task_id":{"x":1},
             "msg_live_url":[{"uint32_type":"hls","string_play_url":"http://play/hls.m3u8","RateType":10}]}}}
            """);
        var unreadable = new List<string>();

        var body = VideoRelayJson.ReadBody<Rsp0x6>(response.RspBody!, "rsp_0x6", unreadable);

        Assert.Equal(0, body.Result);
        Assert.Null(body.ChannelId);
        Assert.Null(body.TapeTaskId);
        var url = Assert.Single(body.LiveUrls!);
        Assert.Equal("http://play/hls.m3u8", url.PlayUrl);
        Assert.Null(url.Type);
        Assert.Equal(["uint64_channel_id", "uint32_tape_task_id", "uint32_type"], unreadable);
        Assert.ThrowsAny<JsonException>(() => VideoRelayJson.ReadBody<Rsp0x6>(response.RspBody!, "rsp_0x6"));
    }

    [Theory]
    [InlineData("""{"uint32_result":"ok","msg_live_url":[]}""")]
    [InlineData("""{"uint32_result":[0]}""")]
    [InlineData("""{"uint32_result":0.5}""")]
    [InlineData("""{"uint32_result":"0.5"}""")]
    [InlineData("""{"uint32_result":true}""")]
    [InlineData("""{"uint32_result":false}""")]
    [InlineData("""{"uint32_result":1e30}""")]
    [InlineData("""{"uint32_result":99999999999999999999}""")]
    [InlineData("""{"uint32_result":"0x0"}""")]
    public void UnreadableResult_FailsTheRead_EvenWhenOtherMembersMayBeLeftOut(string packet)
    {
        var response = VideoRelayJson.ParseResponse("""{"reqhead":{},"rspbody":{"rsp_0x6":""" + packet + "}}");

        var ex = Assert.ThrowsAny<JsonException>(() => VideoRelayJson.ReadBody<Rsp0x6>(response.RspBody!, "rsp_0x6", new List<string>()));
        Assert.Contains("uint32_result", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0", 0L)]
    [InlineData("40000207", 40000207L)]
    [InlineData("40000207.0", 40000207L)]
    [InlineData("\" 40000208 \"", 40000208L)]
    [InlineData("\"-3\"", -3L)]
    [InlineData("\"\"", null)]
    [InlineData("null", null)]
    public void Result_IsAWholeNumber_OrTextHoldingOne_OrAbsent(string value, long? expected)
    {
        var response = VideoRelayJson.ParseResponse("""{"reqhead":{"uint32_result":""" + value + """},"rspbody":{"rsp_0x6":{"uint32_result":""" + value + "}}}");

        Assert.Equal(expected, response.Head!.Result);
        Assert.Equal(expected, VideoRelayJson.ReadBody<Rsp0x6>(response.RspBody!, "rsp_0x6").Result);
    }

    [Fact]
    public void HeaderResult_ThatIsNoWholeNumber_FailsTheParse()
    {
        var ex = Assert.ThrowsAny<JsonException>(() => VideoRelayJson.ParseResponse("""{"reqhead":{"uint32_result":-0.5},"rspbody":{}}"""));

        Assert.Contains("uint32_result", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("{")]
    [InlineData("""{"reqhead":{"uint32_seq":1},"rspbody":{"rsp_0x6":{"uint32_res""")]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("<html>Bad gateway</html>")]
    [InlineData("""{"reqhead":{}} {"reqhead":{}}""")]
    [InlineData("""{"reqhead":{"uint32_seq":-1}}""")]
    public void Malformed_Text_Throws(string text)
    {
        Assert.ThrowsAny<JsonException>(() => VideoRelayJson.ParseResponse(text));
    }

    private static void AssertPush(Rsp0x6 body)
    {
        Assert.Equal(0, body.Result);
        Assert.Equal(9001ul, body.ChannelId);
        Assert.Equal(77u, body.TapeTaskId);
        Assert.Equal(
            [
                new LiveUrl { Type = 1, PlayUrl = "http://play/hls.m3u8", Bitrate = 10 },
                new LiveUrl { Type = 5, PlayUrl = "rtmp://play/live", Bitrate = 20 },
            ],
            body.LiveUrls);
    }
}

using Broadcast.Ilvb.Wire;
using Newtonsoft.Json.Linq;

namespace Broadcast.Ilvb.Tests;

public class RequestJsonTests
{
    private static readonly StreamTarget Target = new(1234, "anchor_01");

    [Fact]
    public void StartPush_Full_CarriesTheSeedsFieldNames()
    {
        var packet = Serialize(new VideoRelayRequestBody
        {
            Req0x6 = IlvbRequests.StartPush(new StartPushRequest
            {
                Target = Target,
                LiveCode = LiveCode.Rtmp,
                SdkType = SdkType.IotCamera,
                ChannelName = "channel",
                ChannelDescription = "describe",
                PlayerPassword = "pwd",
                Source = DataSource.Screen,
                Tape = true,
                Watermark = true,
                WatermarkId = 3,
                Bitrates = [Bitrate.Original, Bitrate.Sd, Bitrate.Hd],
            }),
        })["req_0x6"]!;

        Assert.Equal(
            JObject.Parse("""
                {"uint32_oper":1,"uint32_live_code":5,"uint32_sdk_type":2,"str_channel_name":"channel","str_channel_describe":"describe",
                 "str_player_pwd":"pwd","uint32_push_data_type":1,"uint32_tape_flag":1,"uint32_watermark_flag":1,"uint32_watermark_id":3,
                 "rpt_rate_type":[0,10,20]}
                """),
            packet,
            JToken.EqualityComparer);
    }

    [Fact]
    public void StartPush_Minimal_LeavesOptionalFieldsOut()
    {
        var packet = (JObject)Serialize(new VideoRelayRequestBody
        {
            Req0x6 = IlvbRequests.StartPush(new StartPushRequest { Target = Target, ChannelName = "c" }),
        })["req_0x6"]!;

        Assert.Equal(
            ["uint32_oper", "uint32_live_code", "uint32_sdk_type", "str_channel_name", "str_channel_describe", "str_player_pwd", "uint32_push_data_type", "uint32_tape_flag"],
            packet.Properties().Select(p => p.Name));
        Assert.Equal(6, (int)packet["uint32_live_code"]!);
        Assert.Equal(0, (int)packet["uint32_tape_flag"]!);
    }

    [Fact]
    public void StopPush_CarriesOnlyTheFieldsAStopNeeds()
    {
        var packet = Serialize(new VideoRelayRequestBody { Req0x6 = IlvbRequests.StopPush(new StopPushRequest { Target = Target }) })["req_0x6"]!;

        Assert.Equal(JObject.Parse("""{"uint32_oper":2,"uint32_sdk_type":1,"uint32_push_data_type":0}"""), packet, JToken.EqualityComparer);
    }

    [Fact]
    public void StartRecording_Full_CarriesTheSeedsFieldNames()
    {
        var packet = Serialize(new VideoRelayRequestBody
        {
            Req0x5 = IlvbRequests.StartRecording(new StartRecordingRequest
            {
                Target = Target,
                FileName = "file",
                Tags = ["a", "b"],
                ClassId = 9,
                Transcode = true,
                Screenshot = false,
                Watermark = true,
                SdkType = SdkType.Normal,
                Source = DataSource.Screen,
            }),
        })["req_0x5"]!;

        Assert.Equal(
            JObject.Parse("""
                {"uint32_oper":1,"string_file_name":"file","string_tags":["a","b"],"uint32_classid":9,"uint32_IsTransCode":1,
                 "uint32_IsScreenShot":0,"uint32_IsWaterMark":1,"uint32_sdk_type":1,"uint32_record_data_type":1}
                """),
            packet,
            JToken.EqualityComparer);
    }

    [Fact]
    public void StopRecording_LeavesTheStartOnlyFieldsEmpty()
    {
        var packet = Serialize(new VideoRelayRequestBody
        {
            Req0x5 = IlvbRequests.StopRecording(new StopRecordingRequest { Target = Target, Source = DataSource.Screen }),
        })["req_0x5"]!;

        Assert.Equal(JObject.Parse("""{"uint32_oper":2,"uint32_sdk_type":1,"uint32_record_data_type":1}"""), packet, JToken.EqualityComparer);
    }

    [Fact]
    public void Envelope_CarriesReqheadAndReqbody_WithTheSeedsHeaderNames()
    {
        var json = JObject.Parse(VideoRelayJson.Serialize(new VideoRelayRequest
        {
            ReqHead = new GVCommOprHead { SubCommand = 6, Sequence = 5, AuthKey = 1234, SdkAppId = 1400000000, ToAccount = ["anchor_01"], CookieBuffer = "ab" },
            ReqBody = new VideoRelayRequestBody { Req0x6 = new Req0x6 { Oper = 2 } },
        }));

        Assert.Equal(
            JObject.Parse("""
                {"reqhead":{"uint32_sub_cmd":6,"uint32_seq":5,"uint32_auth_key":1234,"uint32_sdk_appid":1400000000,"rpt_to_Account":["anchor_01"],"bytes_cookie_buff":"ab"},
                 "reqbody":{"req_0x6":{"uint32_oper":2}}}
                """),
            json,
            JToken.EqualityComparer);
    }

    public static TheoryData<string, Action> BadRequests() => new()
    {
        { "request.Target.RoomId", () => IlvbRequests.StopPush(new StopPushRequest { Target = new StreamTarget(0, "u") }) },
        { "request.Target.UserId", () => IlvbRequests.StopPush(new StopPushRequest { Target = new StreamTarget(1, " ") }) },
        { "request.Target.UserId", () => IlvbRequests.StopRecording(new StopRecordingRequest { Target = new StreamTarget(1, "a\nb") }) },
        { "request.Target", () => IlvbRequests.StopRecording(new StopRecordingRequest { Target = null! }) },
        { "request.ChannelName", () => IlvbRequests.StartPush(new StartPushRequest { Target = Target, ChannelName = "" }) },
        { "request.ChannelDescription", () => IlvbRequests.StartPush(new StartPushRequest { Target = Target, ChannelName = "c", ChannelDescription = null! }) },
        { "request.PlayerPassword", () => IlvbRequests.StartPush(new StartPushRequest { Target = Target, ChannelName = "c", PlayerPassword = null! }) },
        { "request.LiveCode", () => IlvbRequests.StartPush(new StartPushRequest { Target = Target, ChannelName = "c", LiveCode = (LiveCode)2 }) },
        { "request.SdkType", () => IlvbRequests.StopPush(new StopPushRequest { Target = Target, SdkType = (SdkType)0 }) },
        { "request.Source", () => IlvbRequests.StopPush(new StopPushRequest { Target = Target, Source = (DataSource)7 }) },
        { "request.Bitrates", () => IlvbRequests.StartPush(new StartPushRequest { Target = Target, ChannelName = "c", Bitrates = [(Bitrate)5] }) },
        { "request.Bitrates", () => IlvbRequests.StartPush(new StartPushRequest { Target = Target, ChannelName = "c", Bitrates = [Bitrate.Hd, Bitrate.Hd] }) },
        { "request.FileName", () => IlvbRequests.StartRecording(new StartRecordingRequest { Target = Target, FileName = " " }) },
        { "request.Tags", () => IlvbRequests.StartRecording(new StartRecordingRequest { Target = Target, FileName = "f", Tags = ["ok", ""] }) },
        { "request.Source", () => IlvbRequests.StartRecording(new StartRecordingRequest { Target = Target, FileName = "f", Source = (DataSource)2 }) },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public void BadRequest_ThrowsArgumentException_NamingTheField(string field, Action build)
    {
        var ex = Assert.Throws<ArgumentException>(build);

        Assert.Equal(field, ex.ParamName);
        Assert.StartsWith(field["request.".Length..], ex.Message, StringComparison.Ordinal);
    }

    private static JObject Serialize(VideoRelayRequestBody body) =>
        (JObject)JObject.Parse(VideoRelayJson.Serialize(new VideoRelayRequest { ReqHead = new GVCommOprHead(), ReqBody = body }))["reqbody"]!;
}

using System.Text.Json.Nodes;

namespace Broadcast.Ilvb.Simulator.Tests;

/// <summary>Builds videorelay request bodies field by field, as the seeds spell them.</summary>
internal static class Wire
{
    public const uint AppId = SimulatorOptions.DefaultSdkAppId;

    public static JsonObject Head(uint subCmd, uint room, string user, uint seq = 1, string cookie = "cookie-1", uint sdkAppId = AppId) => new()
    {
        ["uint32_sub_cmd"] = subCmd,
        ["uint32_seq"] = seq,
        ["uint32_auth_key"] = room,
        ["uint32_sdk_appid"] = sdkAppId,
        ["rpt_to_Account"] = new JsonArray(user),
        ["bytes_cookie_buff"] = cookie,
    };

    public static JsonObject StartPushBody(uint liveCode = 1, uint[]? rates = null, uint tapeFlag = 0)
    {
        var req = new JsonObject
        {
            ["uint32_oper"] = 1,
            ["uint32_live_code"] = liveCode,
            ["uint32_sdk_type"] = 1,
            ["str_channel_name"] = "channel",
            ["str_channel_describe"] = "a test channel",
            ["str_player_pwd"] = "",
            ["uint32_push_data_type"] = 0,
            ["uint32_tape_flag"] = tapeFlag,
        };
        if (rates is not null)
        {
            req["rpt_rate_type"] = new JsonArray([.. rates.Select(r => (JsonNode)r)]);
        }

        return req;
    }

    public static JsonObject StopPushBody() => new()
    {
        ["uint32_oper"] = 2,
        ["uint32_sdk_type"] = 1,
        ["uint32_push_data_type"] = 0,
    };

    public static JsonObject StartRecordingBody(string fileName = "session-file") => new()
    {
        ["uint32_oper"] = 1,
        ["string_file_name"] = fileName,
        ["string_tags"] = new JsonArray("a", "b"),
        ["uint32_classid"] = 3,
        ["uint32_sdk_type"] = 1,
        ["uint32_record_data_type"] = 0,
    };

    public static JsonObject StopRecordingBody() => new()
    {
        ["uint32_oper"] = 2,
        ["uint32_sdk_type"] = 1,
        ["uint32_record_data_type"] = 0,
    };

    public static JsonObject Push(uint room, string user, JsonObject req, uint seq = 1) => Envelope(Head(6, room, user, seq), "req_0x6", req);

    public static JsonObject Recording(uint room, string user, JsonObject req, uint seq = 1) => Envelope(Head(5, room, user, seq), "req_0x5", req);

    public static JsonObject Envelope(JsonObject head, string reqName, JsonObject req) => new()
    {
        ["reqhead"] = head,
        ["reqbody"] = new JsonObject { [reqName] = req },
    };

    public static string Query(string usersig = "sig", string identifier = "admin", string sdkAppId = "1400000000", string random = "4021") =>
        $"usersig={usersig}&identifier={identifier}&sdkappid={sdkAppId}&random={random}&apn=0&contenttype=json";
}

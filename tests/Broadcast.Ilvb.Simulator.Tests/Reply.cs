using System.Text.Json.Nodes;

namespace Broadcast.Ilvb.Simulator.Tests;

/// <summary>A parsed videorelay answer, read independently of the client library.</summary>
internal sealed record Reply(JsonObject Json)
{
    public JsonObject Head => (JsonObject)Json["reqhead"]!;

    public long HeadResult => Head["uint32_result"]!.GetValue<long>();

    public string HeadError => Head["str_error_msg"]?.GetValue<string>() ?? string.Empty;

    /// <summary>rsp_0x6 / rsp_0x5, whether wrapped or flat.</summary>
    public JsonObject? Rsp
    {
        get
        {
            var body = Json["rspbody"] as JsonObject;
            return body?["rsp_0x6"] as JsonObject ?? body?["rsp_0x5"] as JsonObject ?? body;
        }
    }

    /// <summary>The header code when non-zero, else the body code.</summary>
    public long Code => HeadResult != 0 ? HeadResult : Rsp!["uint32_result"]!.GetValue<long>();

    public string ErrorInfo => Rsp?["str_errorinfo"]?.GetValue<string>() ?? string.Empty;

    public ulong ChannelId => Rsp!["uint64_channel_id"]!.GetValue<ulong>();

    public JsonArray LiveUrls => (JsonArray)Rsp!["msg_live_url"]!;

    public IReadOnlyList<string> FileIds => [.. ((JsonArray)Rsp!["str_fileID"]!).Select(n => n!.GetValue<string>())];
}

using Newtonsoft.Json;

namespace Broadcast.Ilvb.Wire;

/// <summary><c>rsp_0x6</c>: the answer to a push request.</summary>
public sealed record Rsp0x6 : VideoRelayResponseBody
{
    /// <summary><c>uint64_channel_id</c>, returned when the push starts.</summary>
    [JsonProperty("uint64_channel_id")]
    public ulong? ChannelId { get; init; }

    /// <summary><c>msg_live_url</c>: accepted as an array, a single object, or a string holding either.</summary>
    [JsonProperty("msg_live_url")]
    [JsonConverter(typeof(TolerantListConverter<LiveUrl>))]
    public IReadOnlyList<LiveUrl>? LiveUrls { get; init; }

    /// <summary><c>uint32_tape_task_id</c>, returned when the tape flag was set.</summary>
    [JsonProperty("uint32_tape_task_id")]
    public uint? TapeTaskId { get; init; }
}

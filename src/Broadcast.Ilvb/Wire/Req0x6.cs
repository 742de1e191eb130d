using Newtonsoft.Json;

namespace Broadcast.Ilvb.Wire;

/// <summary><c>req_0x6</c>: start or end a non-interactive push.</summary>
public sealed record Req0x6
{
    /// <summary><c>uint32_oper</c>: 1 start, 2 end.</summary>
    [JsonProperty("uint32_oper")]
    public uint? Oper { get; init; }

    /// <summary><c>uint32_live_code</c>: 1 HLS, 5 RTMP, 6 HLS+RTMP.</summary>
    [JsonProperty("uint32_live_code")]
    public uint? LiveCode { get; init; }

    /// <summary><c>uint32_sdk_type</c>: 1 normal SDK, 2 IoT camera.</summary>
    [JsonProperty("uint32_sdk_type")]
    public uint? SdkType { get; init; }

    /// <summary><c>str_channel_name</c>.</summary>
    [JsonProperty("str_channel_name")]
    public string? ChannelName { get; init; }

    /// <summary><c>str_channel_describe</c>.</summary>
    [JsonProperty("str_channel_describe")]
    public string? ChannelDescribe { get; init; }

    /// <summary><c>str_player_pwd</c>.</summary>
    [JsonProperty("str_player_pwd")]
    public string? PlayerPassword { get; init; }

    /// <summary><c>uint32_push_data_type</c>: 0 camera, 1 screen.</summary>
    [JsonProperty("uint32_push_data_type")]
    public uint? PushDataType { get; init; }

    /// <summary><c>uint32_tape_flag</c>: 1 records during the push.</summary>
    [JsonProperty("uint32_tape_flag")]
    public uint? TapeFlag { get; init; }

    /// <summary><c>uint32_watermark_flag</c>.</summary>
    [JsonProperty("uint32_watermark_flag")]
    public uint? WatermarkFlag { get; init; }

    /// <summary><c>uint32_watermark_id</c>.</summary>
    [JsonProperty("uint32_watermark_id")]
    public uint? WatermarkId { get; init; }

    /// <summary><c>rpt_rate_type</c>: 0 original, 10 SD, 20 HD.</summary>
    [JsonProperty("rpt_rate_type")]
    [JsonConverter(typeof(TolerantListConverter<uint>))]
    public IReadOnlyList<uint>? RateTypes { get; init; }
}

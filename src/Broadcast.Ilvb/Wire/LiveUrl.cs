using Newtonsoft.Json;

namespace Broadcast.Ilvb.Wire;

/// <summary><c>LiveUrl</c>: one play URL of a push.</summary>
public sealed record LiveUrl
{
    /// <summary><c>uint32_type</c>: 1 HLS, 5 RTMP, 6 HLS+RTMP.</summary>
    [JsonProperty("uint32_type")]
    public uint? Type { get; init; }

    /// <summary><c>string_play_url</c>.</summary>
    [JsonProperty("string_play_url")]
    public string? PlayUrl { get; init; }

    /// <summary>
    /// <c>RateType</c>: 0 original, 10 SD, 20 HD; original when absent. The seed spells it
    /// <c>"RateType "</c> with a trailing space; reading trims member names, so both match.
    /// </summary>
    [JsonProperty("RateType")]
    public uint? Bitrate { get; init; }
}

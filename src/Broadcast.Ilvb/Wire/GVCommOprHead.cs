using Newtonsoft.Json;

namespace Broadcast.Ilvb.Wire;

/// <summary>
/// The common header of every videorelay request (<c>reqhead</c>) and response
/// (<c>reqhead</c>, or <c>rsphead</c>). Every member is optional on the wire.
/// </summary>
public sealed record GVCommOprHead
{
    /// <summary><c>uint32_sub_cmd</c>: 5 for recording, 6 for push.</summary>
    [JsonProperty("uint32_sub_cmd")]
    public uint? SubCommand { get; init; }

    /// <summary><c>uint32_seq</c>: the request's sequence number, echoed by the vendor.</summary>
    [JsonProperty("uint32_seq")]
    public uint? Sequence { get; init; }

    /// <summary><c>uint32_auth_key</c>: the room (group) number.</summary>
    [JsonProperty("uint32_auth_key")]
    public uint? AuthKey { get; init; }

    /// <summary><c>uint32_sdk_appid</c>.</summary>
    [JsonProperty("uint32_sdk_appid")]
    public uint? SdkAppId { get; init; }

    /// <summary><c>str_av_token</c>: not used by backend calls.</summary>
    [JsonProperty("str_av_token")]
    public string? AvToken { get; init; }

    /// <summary><c>str_openid</c>: not used by backend calls.</summary>
    [JsonProperty("str_openid")]
    public string? OpenId { get; init; }

    /// <summary><c>rpt_to_Account</c>: the account operated on; exactly one for 0x5 and 0x6.</summary>
    [JsonProperty("rpt_to_Account")]
    [JsonConverter(typeof(TolerantListConverter<string>))]
    public IReadOnlyList<string>? ToAccount { get; init; }

    /// <summary><c>bytes_cookie_buff</c>: an opaque value echoed by the vendor.</summary>
    [JsonProperty("bytes_cookie_buff")]
    public string? CookieBuffer { get; init; }

    /// <summary><c>uint32_result</c> (responses only): 0 success; -1 to -5 header-level failures.</summary>
    [JsonProperty("uint32_result")]
    [JsonConverter(typeof(ResultCodeConverter))]
    public long? Result { get; init; }

    /// <summary><c>str_error_msg</c> (responses only).</summary>
    [JsonProperty("str_error_msg")]
    public string? ErrorMessage { get; init; }
}

using Newtonsoft.Json;

namespace Broadcast.Ilvb.Wire;

/// <summary>The members every <c>rspbody</c> packet shares.</summary>
public abstract record VideoRelayResponseBody
{
    /// <summary>
    /// <c>uint32_result</c>: 0 success, otherwise a catalog code. Absent reads as 0, the
    /// protobuf-JSON convention of leaving default values out.
    /// </summary>
    [JsonProperty("uint32_result")]
    [JsonConverter(typeof(ResultCodeConverter))]
    public long? Result { get; init; }

    /// <summary><c>str_errorinfo</c>.</summary>
    [JsonProperty("str_errorinfo")]
    public string? ErrorInfo { get; init; }
}

using Newtonsoft.Json;

namespace Broadcast.Ilvb.Wire;

/// <summary><c>rsp_0x5</c>: the answer to a recording request.</summary>
public sealed record Rsp0x5 : VideoRelayResponseBody
{
    /// <summary><c>str_fileID</c>: the recorded file ids, returned when the recording ends.</summary>
    [JsonProperty("str_fileID")]
    [JsonConverter(typeof(TolerantListConverter<string>))]
    public IReadOnlyList<string>? FileIds { get; init; }
}

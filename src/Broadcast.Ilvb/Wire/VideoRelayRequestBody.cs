using Newtonsoft.Json;

namespace Broadcast.Ilvb.Wire;

/// <summary><c>reqbody</c>: exactly one of the sub-command packets.</summary>
public sealed record VideoRelayRequestBody
{
    /// <summary><c>req_0x6</c>, for sub-command 6.</summary>
    [JsonProperty("req_0x6")]
    public Req0x6? Req0x6 { get; init; }

    /// <summary><c>req_0x5</c>, for sub-command 5.</summary>
    [JsonProperty("req_0x5")]
    public Req0x5? Req0x5 { get; init; }
}

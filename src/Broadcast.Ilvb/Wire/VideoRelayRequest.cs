using Newtonsoft.Json;

namespace Broadcast.Ilvb.Wire;

/// <summary>The request envelope: <c>{"reqhead": …, "reqbody": …}</c>.</summary>
public sealed record VideoRelayRequest
{
    /// <summary><c>reqhead</c>.</summary>
    [JsonProperty("reqhead")]
    public required GVCommOprHead ReqHead { get; init; }

    /// <summary><c>reqbody</c>.</summary>
    [JsonProperty("reqbody")]
    public required VideoRelayRequestBody ReqBody { get; init; }
}

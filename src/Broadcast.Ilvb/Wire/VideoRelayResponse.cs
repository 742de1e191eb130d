using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Broadcast.Ilvb.Wire;

/// <summary>
/// The response envelope: <c>{"reqhead": …, "rspbody": …}</c>. The header is also accepted
/// under <c>rsphead</c>; the body stays raw JSON until the caller knows which packet to read
/// (<see cref="VideoRelayJson.ReadBody{T}"/>).
/// </summary>
public sealed record VideoRelayResponse
{
    /// <summary><c>reqhead</c>, the header name the seeds use in responses.</summary>
    [JsonProperty("reqhead")]
    public GVCommOprHead? ReqHead { get; init; }

    /// <summary><c>rsphead</c>, accepted in place of <c>reqhead</c>.</summary>
    [JsonProperty("rsphead")]
    public GVCommOprHead? RspHead { get; init; }

    /// <summary><c>rspbody</c>, raw.</summary>
    [JsonProperty("rspbody")]
    public JObject? RspBody { get; init; }

    /// <summary>The header, whichever name it came under.</summary>
    [JsonIgnore]
    public GVCommOprHead? Head => ReqHead ?? RspHead;
}

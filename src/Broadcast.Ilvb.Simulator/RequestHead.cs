using System.Text.Json.Nodes;

namespace Broadcast.Ilvb.Simulator;

/// <summary>A request's <c>reqhead</c> (GVCommOprHead) with its required fields read, and the raw object to echo.</summary>
internal sealed record RequestHead(JsonObject Raw, uint SubCmd, uint Seq, uint AuthKey, uint SdkAppId, string Account);

namespace Broadcast.Ilvb.Simulator;

/// <summary>The answer of <c>GET /control/health</c>.</summary>
/// <param name="Status">Always <c>ok</c> when the simulator answers.</param>
/// <param name="SdkAppId">The application id the simulator accepts.</param>
public sealed record HealthView(string Status, uint SdkAppId);

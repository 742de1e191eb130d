namespace Broadcast.Ilvb.Simulator;

/// <summary>One play URL handed out for a push (a <c>LiveUrl</c> on the wire).</summary>
/// <param name="Type">The output coding: 1 HLS, 5 RTMP.</param>
/// <param name="PlayUrl">The play URL; it contains the channel id.</param>
/// <param name="RateType">The bitrate type: 0 original, 10 SD, 20 HD.</param>
public sealed record LiveUrlEntry(uint Type, string PlayUrl, uint RateType);

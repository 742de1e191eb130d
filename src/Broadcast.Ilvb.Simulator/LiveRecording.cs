namespace Broadcast.Ilvb.Simulator;

/// <summary>A recording (sub-command 0x5) that is running in the simulator.</summary>
/// <param name="RoomId">The room (<c>uint32_auth_key</c>).</param>
/// <param name="UserId">The recorded user (<c>rpt_to_Account</c>).</param>
/// <param name="FileName">The requested file name.</param>
/// <param name="StartedAt">When the recording started.</param>
public sealed record LiveRecording(uint RoomId, string UserId, string FileName, DateTimeOffset StartedAt);

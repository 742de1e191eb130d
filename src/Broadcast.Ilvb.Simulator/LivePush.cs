namespace Broadcast.Ilvb.Simulator;

/// <summary>A push that is live in the simulator.</summary>
/// <param name="RoomId">The room (<c>uint32_auth_key</c>).</param>
/// <param name="UserId">The pushing user (<c>rpt_to_Account</c>).</param>
/// <param name="ChannelId">The channel id handed out at start.</param>
/// <param name="LiveCode">The requested output coding (1, 5 or 6).</param>
/// <param name="LiveUrls">One URL per output coding and bitrate.</param>
/// <param name="TapeTaskId">The tape recording's task id when the tape flag was set; it ends with the push.</param>
/// <param name="StartedAt">When the push started.</param>
public sealed record LivePush(
    uint RoomId,
    string UserId,
    ulong ChannelId,
    uint LiveCode,
    IReadOnlyList<LiveUrlEntry> LiveUrls,
    uint? TapeTaskId,
    DateTimeOffset StartedAt);

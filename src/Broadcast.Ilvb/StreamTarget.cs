namespace Broadcast.Ilvb;

/// <summary>Whose stream, in which room: <c>uint32_auth_key</c> and the single <c>rpt_to_Account</c>.</summary>
/// <param name="RoomId">The room (group) number, <c>uint32_auth_key</c>.</param>
/// <param name="UserId">The anchor's account, the one entry of <c>rpt_to_Account</c>.</param>
public sealed record StreamTarget(uint RoomId, string UserId);

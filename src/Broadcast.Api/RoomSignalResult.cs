namespace Broadcast.Api;

/// <summary>The answer to a room-wide "user joined" or "user left": which waiting or live sessions of that anchor got the signal.</summary>
/// <param name="RoomId">The room.</param>
/// <param name="UserId">The anchor.</param>
/// <param name="Signalled">The ids of the sessions signalled; empty when no session of this anchor is waiting or live.</param>
public sealed record RoomSignalResult(uint RoomId, string UserId, IReadOnlyList<string> Signalled);

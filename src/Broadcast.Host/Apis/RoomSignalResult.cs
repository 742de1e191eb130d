namespace Broadcast.Host;

/// <summary>The answer to a room-wide "user joined": which sessions were waiting for that anchor and got the signal.</summary>
/// <param name="RoomId">The room.</param>
/// <param name="UserId">The anchor.</param>
/// <param name="Signalled">The ids of the running sessions signalled; empty when none waits for this anchor.</param>
public sealed record RoomSignalResult(uint RoomId, string UserId, IReadOnlyList<string> Signalled);

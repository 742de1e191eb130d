namespace Broadcast.Ilvb.Simulator;

/// <summary>A room as the control API shows it.</summary>
/// <param name="RoomId">The room (<c>uint32_auth_key</c>).</param>
/// <param name="Users">The users in it right now.</param>
public sealed record RoomView(uint RoomId, IReadOnlyList<string> Users);

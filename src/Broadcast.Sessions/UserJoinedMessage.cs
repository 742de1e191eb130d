namespace Broadcast.Sessions;

/// <summary>
/// A <c>user-joined</c> or <c>user-left</c> queue message (both queues take the same shape): either <see cref="SessionId"/>,
/// or <see cref="RoomId"/> and <see cref="UserId"/>.
/// </summary>
public sealed record UserJoinedMessage
{
    /// <summary>The one session to signal.</summary>
    public string? SessionId { get; init; }

    /// <summary>The room whose waiting sessions for <see cref="UserId"/> to signal.</summary>
    public uint? RoomId { get; init; }

    /// <summary>The anchor who joined (or left).</summary>
    public string? UserId { get; init; }
}

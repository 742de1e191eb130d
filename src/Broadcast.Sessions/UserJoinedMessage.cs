namespace Broadcast.Sessions;

/// <summary>A <c>user-joined</c> queue message: either <see cref="SessionId"/>, or <see cref="RoomId"/> and <see cref="UserId"/>.</summary>
public sealed record UserJoinedMessage
{
    /// <summary>The one session to signal.</summary>
    public string? SessionId { get; init; }

    /// <summary>The room whose waiting sessions for <see cref="UserId"/> to signal.</summary>
    public uint? RoomId { get; init; }

    /// <summary>The anchor who joined.</summary>
    public string? UserId { get; init; }
}

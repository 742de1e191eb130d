namespace Broadcast.Sessions;

/// <summary>A filter and page over sessions.</summary>
public sealed record SessionListQuery
{
    /// <summary>The largest page.</summary>
    public const int MaxPageSize = 500;

    /// <summary>Only sessions in this status; null for all.</summary>
    public SessionStatus? Status { get; init; }

    /// <summary>Only sessions of this room; null for all.</summary>
    public uint? RoomId { get; init; }

    /// <summary>Only sessions of this anchor; needs <see cref="RoomId"/>.</summary>
    public string? UserId { get; init; }

    /// <summary>At most this many sessions (1 to 500).</summary>
    public int PageSize { get; init; } = 50;

    /// <summary>The token from the previous page; null for the first.</summary>
    public string? ContinuationToken { get; init; }
}

using Broadcast.Ilvb;

namespace Broadcast.Sessions;

/// <summary>One session as clients see it: what it is, where it is, and what happened so far.</summary>
public sealed record SessionView
{
    /// <summary>The session id (<c>r{roomId}:u{userId}:{key}</c>).</summary>
    public required string Id { get; init; }

    /// <summary>The room.</summary>
    public required uint RoomId { get; init; }

    /// <summary>The anchor.</summary>
    public required string UserId { get; init; }

    /// <summary>Where it is.</summary>
    public required SessionStatus Status { get; init; }

    /// <summary>The step it is in (e.g. <c>WaitingForJoin</c>, <c>StartingPush</c>, <c>Live</c>, <c>StoppingPush</c>, <c>Finished</c>).</summary>
    public required string Phase { get; init; }

    /// <summary>When it was created.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When it last changed.</summary>
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>When it starts waiting for the anchor, when scheduled.</summary>
    public DateTimeOffset? StartAt { get; init; }

    /// <summary>The live URLs, as soon as the push started.</summary>
    public IReadOnlyList<PlayUrl> LiveUrls { get; init; } = [];

    /// <summary>True when its recording failed and it broadcasts without it.</summary>
    public bool RecordingDegraded { get; init; }

    /// <summary>
    /// While running: when its anchor left the room and has not rejoined since (a live session stops at this time plus
    /// its leave grace); null while the anchor is in the room or has not joined yet.
    /// </summary>
    public DateTimeOffset? AnchorLeftAt { get; init; }

    /// <summary>The output, once finished.</summary>
    public SessionResult? Result { get; init; }

    /// <summary>
    /// What happened: complete once finished; while running, the latest entries only
    /// (<see cref="TimelineCount"/> tells how many there are in all).
    /// </summary>
    public IReadOnlyList<TimelineEntry> Timeline { get; init; } = [];

    /// <summary>How many timeline entries the session has in all.</summary>
    public int TimelineCount { get; init; }

    /// <summary>The latest failure: a vendor error, or why the orchestration failed.</summary>
    public SessionError? Error { get; init; }

    /// <summary>The request it was created from.</summary>
    public SessionRequest? Request { get; init; }
}

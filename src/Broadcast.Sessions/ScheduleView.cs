namespace Broadcast.Sessions;

/// <summary>A recurring schedule as clients see it.</summary>
public sealed record ScheduleView
{
    /// <summary>How many upcoming occurrences <c>GET /api/schedules/{id}</c> previews when not told.</summary>
    public const int DefaultPreview = 5;

    /// <summary>The most upcoming occurrences one read previews.</summary>
    public const int MaxPreview = 100;

    /// <summary>The schedule's id.</summary>
    public required string Id { get; init; }

    /// <summary>The cron expression.</summary>
    public required string Cron { get; init; }

    /// <summary>The IANA time zone.</summary>
    public required string TimeZone { get; init; }

    /// <summary>The session each occurrence creates.</summary>
    public required SessionRequest Template { get; init; }

    /// <summary>Where it is.</summary>
    public required ScheduleStatus Status { get; init; }

    /// <summary>What an occurrence does while the previous occurrence's session still runs.</summary>
    public ScheduleOverlapPolicy Overlap { get; init; }

    /// <summary>How far back a late wake-up still runs a missed occurrence (once).</summary>
    public TimeSpan CatchUpWindow { get; init; }

    /// <summary>When it was created.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The next occurrence (UTC); null when there is none.</summary>
    public DateTimeOffset? NextOccurrence { get; init; }

    /// <summary>The latest occurrence handled.</summary>
    public DateTimeOffset? LastOccurrence { get; init; }

    /// <summary>The session the latest occurrence created.</summary>
    public string? LastSessionId { get; init; }

    /// <summary>How many occurrences were handled.</summary>
    public int Occurrences { get; init; }

    /// <summary>Why the latest occurrence could not create its session, if it could not.</summary>
    public string? LastError { get; init; }

    /// <summary>When it was paused; null unless <see cref="Status"/> is <see cref="ScheduleStatus.Paused"/>.</summary>
    public DateTimeOffset? PausedAt { get; init; }

    /// <summary>An occurrence waiting for the previous session to end (overlap policy BufferOne or CancelPrevious).</summary>
    public DateTimeOffset? Waiting { get; init; }

    /// <summary>When the schedule wakes next: its next occurrence, or sooner to check on a waiting occurrence.</summary>
    public DateTimeOffset? WakeAt { get; init; }

    /// <summary>How many of the occurrences run were late (catch-up runs).</summary>
    public int CatchUps { get; init; }

    /// <summary>The occurrences that started no session: counts by reason and the latest ones.</summary>
    public ScheduleSkips Skips { get; init; } = new();

    /// <summary>
    /// The cron expression's next occurrences after now, in the schedule's time zone (the offset shows summer time);
    /// whether each runs depends on pause and overlap. Empty in lists and for schedules that ended.
    /// </summary>
    public IReadOnlyList<DateTimeOffset> Preview { get; init; } = [];
}

namespace Broadcast.Sessions;

/// <summary>
/// The input of <see cref="RecurringScheduleOrchestrator"/>: the schedule's definition and, carried from one
/// generation to the next through continue-as-new, what it has done so far.
/// </summary>
public sealed record RecurringScheduleInput
{
    /// <summary>The default of <see cref="OverlapCheckInterval"/>.</summary>
    public static readonly TimeSpan DefaultOverlapCheckInterval = TimeSpan.FromSeconds(30);

    /// <summary>The schedule's id.</summary>
    public required string ScheduleId { get; init; }

    /// <summary>The cron expression.</summary>
    public required string Cron { get; init; }

    /// <summary>The IANA time zone.</summary>
    public required string TimeZone { get; init; }

    /// <summary>The session template.</summary>
    public required SessionRequest Template { get; init; }

    /// <summary>When the schedule was created.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>What an occurrence does while the previous occurrence's session still runs.</summary>
    public ScheduleOverlapPolicy Overlap { get; init; }

    /// <summary>How far back a late wake-up still runs a missed occurrence (once).</summary>
    public TimeSpan CatchUpWindow { get; init; }

    /// <summary>
    /// How often an occurrence that waits for the previous session (<see cref="ScheduleOverlapPolicy.BufferOne"/>,
    /// <see cref="ScheduleOverlapPolicy.CancelPrevious"/>) checks whether it has ended. Kept in the input so a running
    /// schedule replays with the value it started with.
    /// </summary>
    public TimeSpan OverlapCheckInterval { get; init; } = DefaultOverlapCheckInterval;

    /// <summary>Every occurrence up to this time has been run or skipped; null for schedules older than this field.</summary>
    public DateTimeOffset? HandledUntil { get; init; }

    /// <summary>When the schedule was paused; null while it is active.</summary>
    public DateTimeOffset? PausedAt { get; init; }

    /// <summary>The occurrence waiting for the previous session to end, if one is.</summary>
    public DateTimeOffset? Waiting { get; init; }

    /// <summary>How many of the occurrences run were late (catch-up runs).</summary>
    public int CatchUps { get; init; }

    /// <summary>The occurrences that started no session.</summary>
    public ScheduleSkips Skips { get; init; } = new();

    /// <summary>The latest occurrence handled; the next one is after it.</summary>
    public DateTimeOffset? LastOccurrence { get; init; }

    /// <summary>How many occurrences were handled.</summary>
    public int Occurrences { get; init; }

    /// <summary>The session the latest occurrence created.</summary>
    public string? LastSessionId { get; init; }

    /// <summary>Why the latest occurrence could not create its session.</summary>
    public string? LastError { get; init; }
}

namespace Broadcast.Sessions;

/// <summary>
/// The input of <see cref="RecurringScheduleOrchestrator"/>: the schedule's definition and, carried from one
/// generation to the next through continue-as-new, what it has done so far.
/// </summary>
public sealed record RecurringScheduleInput
{
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

    /// <summary>The latest occurrence handled; the next one is after it.</summary>
    public DateTimeOffset? LastOccurrence { get; init; }

    /// <summary>How many occurrences were handled.</summary>
    public int Occurrences { get; init; }

    /// <summary>The session the latest occurrence created.</summary>
    public string? LastSessionId { get; init; }

    /// <summary>Why the latest occurrence could not create its session.</summary>
    public string? LastError { get; init; }
}

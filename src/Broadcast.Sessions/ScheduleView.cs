namespace Broadcast.Sessions;

/// <summary>A recurring schedule as clients see it.</summary>
public sealed record ScheduleView
{
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
}

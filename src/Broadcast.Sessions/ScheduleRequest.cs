namespace Broadcast.Sessions;

/// <summary>A recurring schedule: a session from <see cref="Template"/> at every occurrence of <see cref="Cron"/> in <see cref="TimeZone"/>.</summary>
public sealed record ScheduleRequest
{
    /// <summary>The schedule's id (1–40 letters, digits, <c>_ - .</c>); null for a generated one. Repeating the same request is idempotent.</summary>
    public string? Id { get; init; }

    /// <summary>A standard five-field cron expression (minute hour day-of-month month day-of-week), or a macro such as <c>@daily</c>.</summary>
    public string Cron { get; init; } = "";

    /// <summary>The IANA time zone the cron expression is read in (e.g. <c>Europe/Berlin</c>); UTC when left out.</summary>
    public string TimeZone { get; init; } = "UTC";

    /// <summary>What an occurrence does while the previous occurrence's session still runs; <see cref="ScheduleOverlapPolicy.Skip"/> when left out.</summary>
    public ScheduleOverlapPolicy Overlap { get; init; }

    /// <summary>
    /// How far back occurrences missed while the host was down (or the schedule woke late) still run — once, for the latest
    /// of them; older ones are skipped and recorded. Zero (the default) runs only on-time occurrences (at most a minute late);
    /// at most seven days.
    /// </summary>
    public TimeSpan CatchUpWindow { get; init; }

    /// <summary>The session to create at each occurrence: a session request without <c>key</c> and <c>startAt</c>.</summary>
    public SessionRequest? Template { get; init; }
}

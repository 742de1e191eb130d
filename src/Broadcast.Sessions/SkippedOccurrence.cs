namespace Broadcast.Sessions;

/// <summary>One occurrence that started no session.</summary>
/// <param name="Occurrence">The occurrence (UTC).</param>
/// <param name="Reason">Why it was skipped.</param>
public sealed record SkippedOccurrence(DateTimeOffset Occurrence, ScheduleSkipReason Reason);

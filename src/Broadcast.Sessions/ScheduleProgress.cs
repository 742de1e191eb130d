namespace Broadcast.Sessions;

/// <summary>The custom status (and final output) of a recurring schedule.</summary>
/// <param name="NextOccurrence">The occurrence it waits for; null when there is none.</param>
/// <param name="LastOccurrence">The latest occurrence handled.</param>
/// <param name="LastSessionId">The session the latest occurrence created.</param>
/// <param name="Occurrences">How many occurrences were handled.</param>
/// <param name="LastError">Why the latest occurrence could not create its session.</param>
public sealed record ScheduleProgress(
    DateTimeOffset? NextOccurrence,
    DateTimeOffset? LastOccurrence,
    string? LastSessionId,
    int Occurrences,
    string? LastError);

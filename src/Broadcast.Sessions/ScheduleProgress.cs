namespace Broadcast.Sessions;

/// <summary>The custom status (and final output) of a recurring schedule.</summary>
/// <param name="NextOccurrence">The occurrence it waits for; null when there is none or while it is paused.</param>
/// <param name="LastOccurrence">The latest occurrence run.</param>
/// <param name="LastSessionId">The session the latest occurrence created.</param>
/// <param name="Occurrences">How many occurrences were run (their session created, or its creation failed).</param>
/// <param name="LastError">Why the latest occurrence could not create its session.</param>
public sealed record ScheduleProgress(
    DateTimeOffset? NextOccurrence,
    DateTimeOffset? LastOccurrence,
    string? LastSessionId,
    int Occurrences,
    string? LastError)
{
    /// <summary>When the schedule's timer fires next: its next occurrence, or sooner while an occurrence waits; null while paused.</summary>
    public DateTimeOffset? WakeAt { get; init; }

    /// <summary>When it was paused; null while it is active.</summary>
    public DateTimeOffset? PausedAt { get; init; }

    /// <summary>The occurrence waiting for the previous session to end, if one is.</summary>
    public DateTimeOffset? Waiting { get; init; }

    /// <summary>How many of the occurrences run were late (catch-up runs).</summary>
    public int CatchUps { get; init; }

    /// <summary>The occurrences that started no session.</summary>
    public ScheduleSkips Skips { get; init; } = new();

    /// <summary>The progress of <paramref name="state"/>, waiting for <paramref name="next"/> until <paramref name="wakeAt"/>.</summary>
    internal static ScheduleProgress Of(RecurringScheduleInput state, DateTimeOffset? next, DateTimeOffset? wakeAt) =>
        new(next, state.LastOccurrence, state.LastSessionId, state.Occurrences, state.LastError)
        {
            WakeAt = wakeAt,
            PausedAt = state.PausedAt,
            Waiting = state.Waiting,
            CatchUps = state.CatchUps,
            Skips = state.Skips,
        };
}

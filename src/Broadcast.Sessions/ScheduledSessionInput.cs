namespace Broadcast.Sessions;

/// <summary>The input of <see cref="CreateScheduledSessionActivity"/>.</summary>
/// <param name="ScheduleId">The schedule.</param>
/// <param name="Occurrence">The occurrence (UTC); with the schedule id it makes the session's key.</param>
/// <param name="Template">The session to create.</param>
/// <param name="PreviousSessionId">
/// When set and that session still runs, nothing is created and the outcome says <see cref="ScheduledSessionOutcome.PreviousRunning"/>.
/// </param>
/// <param name="CancelPrevious">Cancel <paramref name="PreviousSessionId"/> when it still runs (it is not waited for here).</param>
public sealed record ScheduledSessionInput(
    string ScheduleId, DateTimeOffset Occurrence, SessionRequest Template, string? PreviousSessionId = null, bool CancelPrevious = false);

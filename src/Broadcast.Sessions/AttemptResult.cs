namespace Broadcast.Sessions;

/// <summary>How a call with its retries ended.</summary>
/// <param name="Verdict">Succeeded, or Failed (for good, or the schedule gave up); Retry only when the retries paused (<see cref="AttemptProgress.PauseAfter"/>).</param>
/// <param name="Outcome">The last attempt's outcome.</param>
/// <param name="Cancelled">True when a cancel ended the retries during a wait.</param>
internal sealed record AttemptResult<T>(AttemptVerdict Verdict, CallOutcome<T> Outcome, bool Cancelled);

namespace Broadcast.Sessions;

/// <summary>What <see cref="CreateScheduledSessionActivity"/> did.</summary>
/// <param name="SessionId">The occurrence's session id.</param>
/// <param name="Created">False when an earlier attempt had already created it, or when nothing was created.</param>
/// <param name="Error">Why it could not be created; null on success.</param>
/// <param name="PreviousRunning">The previous session still runs, so nothing was created (cancelled first when asked).</param>
public sealed record ScheduledSessionOutcome(string SessionId, bool Created, string? Error, bool PreviousRunning = false);

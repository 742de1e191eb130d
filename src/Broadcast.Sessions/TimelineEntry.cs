namespace Broadcast.Sessions;

/// <summary>One thing that happened to a session, at the orchestration's replay-safe time.</summary>
/// <param name="At">When (for a call: when it was sent).</param>
/// <param name="Kind">What kind of thing.</param>
/// <param name="Operation">The vendor operation, for calls and retries.</param>
/// <param name="Attempt">The attempt number (1 for the first), for calls and retries.</param>
/// <param name="Code">The vendor code of a failed call.</param>
/// <param name="Message">What happened, in words.</param>
/// <param name="Delay">The wait, for retries and timers.</param>
public sealed record TimelineEntry(
    DateTimeOffset At,
    TimelineKind Kind,
    string? Operation,
    int? Attempt,
    long? Code,
    string Message,
    TimeSpan? Delay = null);

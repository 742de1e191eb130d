namespace Broadcast.Sessions;

/// <summary>One thing the sweeper did about a ledger entry; the session view shows it in the timeline.</summary>
/// <param name="At">When.</param>
/// <param name="Operation">The vendor operation (<c>StopPush</c>, <c>StopRecording</c>); null for a note.</param>
/// <param name="Attempt">The sweeper's attempt number (1 for its first stop); null for a note.</param>
/// <param name="Code">The vendor code of a failed stop.</param>
/// <param name="Message">What happened, in words.</param>
/// <param name="Delay">The wait before the next attempt, when one is scheduled.</param>
public sealed record LeakAction(DateTimeOffset At, string? Operation, int? Attempt, long? Code, string Message, TimeSpan? Delay = null)
{
    /// <summary>This action as a timeline entry of kind <see cref="TimelineKind.Sweep"/>.</summary>
    public TimelineEntry ToTimelineEntry() => new(At, TimelineKind.Sweep, Operation, Attempt, Code, Message, Delay);
}

namespace Broadcast.Sessions;

/// <summary>Where a leak ledger entry is.</summary>
public enum LeakState
{
    /// <summary>May be running: a start was about to be sent, or was sent, and no stop has been confirmed.</summary>
    Open,

    /// <summary>Closed: a stop was confirmed or answered "already stopped".</summary>
    Stopped,

    /// <summary>Closed: the start was answered with a refusal, so nothing started.</summary>
    NotStarted,

    /// <summary>Still may be running, but the sweeper's stops failed for good: someone must check by hand.</summary>
    GivenUp,
}

namespace Broadcast.Sessions;

/// <summary>Where a session is, as a client sees it.</summary>
public enum SessionStatus
{
    /// <summary>Waiting for its start time.</summary>
    Scheduled,

    /// <summary>Waiting for the anchor to join the room.</summary>
    WaitingForJoin,

    /// <summary>Starting the push or the recording.</summary>
    Starting,

    /// <summary>Broadcasting.</summary>
    Live,

    /// <summary>Stopping the recording and the push.</summary>
    Stopping,

    /// <summary>Ended with <see cref="SessionOutcome.Completed"/>.</summary>
    Completed,

    /// <summary>Ended with <see cref="SessionOutcome.Cancelled"/>.</summary>
    Cancelled,

    /// <summary>Ended with <see cref="SessionOutcome.JoinTimedOut"/>.</summary>
    JoinTimedOut,

    /// <summary>Ended with <see cref="SessionOutcome.Failed"/>, or the orchestration itself failed.</summary>
    Failed,

    /// <summary>Ended with <see cref="SessionOutcome.StopFailed"/>.</summary>
    StopFailed,

    /// <summary>Ended by an operator's terminate: no cleanup ran.</summary>
    Terminated,

    /// <summary>Its instance was purged; only the leak ledger remembers it (what the sweeper stopped).</summary>
    Purged,

    /// <summary>Ended with <see cref="SessionOutcome.AnchorLeft"/>.</summary>
    AnchorLeft,
}

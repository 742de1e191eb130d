namespace Broadcast.Sessions;

/// <summary>How sure the ledger is that the push or recording of an open entry runs.</summary>
public enum LeakEvidence
{
    /// <summary>A start is about to be sent (or its answer was not yet written).</summary>
    Attempted,

    /// <summary>A start's answer was lost (timeout, dropped connection, 5xx, malformed body): it may have started.</summary>
    MaybeStarted,

    /// <summary>The vendor said it started (or was already running).</summary>
    Started,
}

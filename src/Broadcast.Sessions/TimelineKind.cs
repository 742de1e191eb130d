namespace Broadcast.Sessions;

/// <summary>What a timeline entry records.</summary>
public enum TimelineKind
{
    /// <summary>The session entered a phase.</summary>
    Phase,

    /// <summary>A durable timer was set or fired.</summary>
    Timer,

    /// <summary>An external signal arrived (user joined, cancel).</summary>
    Signal,

    /// <summary>A vendor call and its answer.</summary>
    Call,

    /// <summary>A wait before the next attempt of a call.</summary>
    Retry,

    /// <summary>Something that did not stop the session but deserves attention.</summary>
    Warning,

    /// <summary>A failure that decided the outcome.</summary>
    Error,

    /// <summary>Something the leak sweeper did after the session stopped running (from the leak ledger).</summary>
    Sweep,
}

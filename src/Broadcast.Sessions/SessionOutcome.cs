namespace Broadcast.Sessions;

/// <summary>How a session ended.</summary>
public enum SessionOutcome
{
    /// <summary>It went live and was stopped cleanly (by a cancel or at its maximum duration).</summary>
    Completed,

    /// <summary>Cancelled before it went live; anything that might have started was stopped.</summary>
    Cancelled,

    /// <summary>The anchor did not join in time; nothing was started.</summary>
    JoinTimedOut,

    /// <summary>A start failed (fatal code, retries exhausted, or a required recording); anything that might have started was stopped.</summary>
    Failed,

    /// <summary>A stop still failed after its retries: a push or recording may still be running. Needs a person.</summary>
    StopFailed,

    /// <summary>It went live, the anchor left the room and did not rejoin within the leave grace; it was stopped.</summary>
    AnchorLeft,
}

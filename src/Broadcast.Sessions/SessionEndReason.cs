namespace Broadcast.Sessions;

/// <summary>What ended a session that went live.</summary>
public enum SessionEndReason
{
    /// <summary>A cancel signal.</summary>
    Cancelled,

    /// <summary>The session's maximum duration elapsed.</summary>
    MaxDurationReached,

    /// <summary>The anchor left the room and did not rejoin within the leave grace.</summary>
    AnchorLeft,
}

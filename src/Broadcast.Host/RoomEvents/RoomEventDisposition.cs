namespace Broadcast.Host;

/// <summary>What became of a room event.</summary>
public enum RoomEventDisposition
{
    /// <summary>Sent to the waiting or live sessions of its room and user.</summary>
    Routed,

    /// <summary>No session of its room and user was waiting or live: kept for a session created within the early-event window.</summary>
    Held,

    /// <summary>Not sent: older than the latest event already processed for its room and user, or than the retention window.</summary>
    Stale,
}

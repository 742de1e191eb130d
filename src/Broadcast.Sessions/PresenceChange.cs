namespace Broadcast.Sessions;

/// <summary>What happened to the anchor's presence in the room.</summary>
public enum PresenceChange
{
    /// <summary>The anchor joined (or rejoined) the room: <see cref="SessionEvents.UserJoined"/>.</summary>
    Joined,

    /// <summary>The anchor left the room: <see cref="SessionEvents.UserLeft"/>.</summary>
    Left,
}

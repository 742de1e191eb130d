namespace Broadcast.Sessions;

/// <summary>
/// A change of the anchor's presence to tell sessions about; a room event's id and time go into the session's
/// timeline with it.
/// </summary>
/// <param name="Change">Joined or left.</param>
/// <param name="EventId">The id of the room event it came from (at most 128 characters), or null.</param>
/// <param name="EventTime">When that event happened, by the sender's clock, or null.</param>
public sealed record PresenceSignal(PresenceChange Change, string? EventId = null, DateTimeOffset? EventTime = null)
{
    /// <summary>The longest event id a signal carries.</summary>
    public const int MaxEventIdLength = 128;

    /// <summary>"The anchor joined", from an API call or a queue message.</summary>
    public static PresenceSignal Joined { get; } = new(PresenceChange.Joined);

    /// <summary>"The anchor left", from an API call or a queue message.</summary>
    public static PresenceSignal Left { get; } = new(PresenceChange.Left);

    /// <summary>The session event this signal raises.</summary>
    public string EventName => Change == PresenceChange.Joined ? SessionEvents.UserJoined : SessionEvents.UserLeft;
}

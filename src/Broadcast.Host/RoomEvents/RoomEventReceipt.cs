using Broadcast.Sessions;

namespace Broadcast.Host;

/// <summary>The answer to a room event: 202 the first time, 200 (with <see cref="Duplicate"/>) for a repeated delivery.</summary>
/// <param name="EventId">The event's id.</param>
/// <param name="EventType">Enter or exit.</param>
/// <param name="RoomId">The room.</param>
/// <param name="UserId">The user.</param>
/// <param name="EventTime">When it happened, by the sender's clock (UTC).</param>
/// <param name="ReceivedAt">When it was first received.</param>
/// <param name="Disposition">Routed, held or stale.</param>
/// <param name="Sessions">The sessions it was sent to (empty unless routed).</param>
/// <param name="HeldUntil">For a held event: until when a new session of its room and user gets it.</param>
/// <param name="Reason">For a stale event: why it was not sent.</param>
/// <param name="Duplicate">True when this delivery repeated an event id already received; nothing was sent again.</param>
public sealed record RoomEventReceipt(
    string EventId,
    RoomEventType EventType,
    uint RoomId,
    string UserId,
    DateTimeOffset EventTime,
    DateTimeOffset ReceivedAt,
    RoomEventDisposition Disposition,
    IReadOnlyList<string> Sessions,
    DateTimeOffset? HeldUntil = null,
    string? Reason = null,
    bool Duplicate = false)
{
    /// <summary>The session event it is (or would have been) sent as: <c>UserJoined</c> or <c>UserLeft</c>.</summary>
    public string Signal => EventType == RoomEventType.Enter ? SessionEvents.UserJoined : SessionEvents.UserLeft;
}

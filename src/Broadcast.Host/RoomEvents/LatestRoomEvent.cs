namespace Broadcast.Host;

/// <summary>The latest event processed (routed or held) for one room and user: it orders the ones that follow.</summary>
/// <param name="EventId">Its id.</param>
/// <param name="EventType">Enter or exit.</param>
/// <param name="EventTime">When it happened, by the sender's clock (UTC).</param>
/// <param name="HeldUntil">When it was held (no session took it): until when a new session gets it.</param>
internal sealed record LatestRoomEvent(string EventId, RoomEventType EventType, DateTimeOffset EventTime, DateTimeOffset? HeldUntil);

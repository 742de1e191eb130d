namespace Broadcast.Host;

/// <summary>
/// The body of <c>POST /api/room-events</c>: <c>{"eventId": "...", "eventType": "enter"|"exit", "roomId": 1234,
/// "userId": "anchor-1", "eventTime": "2026-03-02T07:00:00Z"}</c>. Other fields are ignored.
/// </summary>
/// <param name="EventId">The sender's id of the event (1–128 characters); a repeated delivery carries the same id.</param>
/// <param name="EventType">Enter or exit.</param>
/// <param name="RoomId">The room, 1 to 4294967295.</param>
/// <param name="UserId">The user, as in session requests.</param>
/// <param name="EventTime">When it happened, ISO 8601 with <c>Z</c> or an offset; it orders the events of a room and user.</param>
public sealed record RoomEvent(string EventId, RoomEventType EventType, uint RoomId, string UserId, DateTimeOffset EventTime);

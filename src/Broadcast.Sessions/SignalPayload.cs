namespace Broadcast.Sessions;

/// <summary>The payload of a signal sent by <see cref="SessionService"/>.</summary>
/// <param name="At">When it was sent.</param>
/// <param name="Reason">Why, for a cancel.</param>
/// <param name="EventId">For a presence signal from a room event: the event's id.</param>
/// <param name="EventTime">For a presence signal from a room event: when it happened, by the sender's clock.</param>
internal sealed record SignalPayload(DateTimeOffset At, string? Reason = null, string? EventId = null, DateTimeOffset? EventTime = null);

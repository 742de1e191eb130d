namespace Broadcast.Sessions;

/// <summary>The payload of a signal sent by <see cref="SessionService"/>.</summary>
/// <param name="At">When it was sent.</param>
/// <param name="Reason">Why, for a cancel.</param>
internal sealed record SignalPayload(DateTimeOffset At, string? Reason = null);

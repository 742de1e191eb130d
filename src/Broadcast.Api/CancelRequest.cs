namespace Broadcast.Api;

/// <summary>The optional body of a cancel call.</summary>
/// <param name="Reason">Why the session is cancelled; kept in its timeline.</param>
public sealed record CancelRequest(string? Reason);

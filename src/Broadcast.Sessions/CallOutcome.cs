namespace Broadcast.Sessions;

/// <summary>
/// What one vendor call came to, as data: the activity never throws for a vendor answer or a transport
/// failure, so the orchestration decides (retry, count as done, fail) and every attempt is in its history.
/// </summary>
/// <typeparam name="T">The payload of a success.</typeparam>
/// <param name="Payload">The vendor's answer on success.</param>
/// <param name="Error">The failure; null on success.</param>
public sealed record CallOutcome<T>(T? Payload, SessionError? Error)
{
    /// <summary>True when the vendor answered success.</summary>
    public bool Succeeded => Error is null;
}

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

    /// <summary>
    /// For a stop that was not sent: the other session of the same anchor ("id (phase)") that holds the stream and
    /// whose own stop ends it. The stopping session's leak ledger entry stays open, for the sweeper once that one ended.
    /// </summary>
    public string? HandedTo { get; init; }
}

namespace Broadcast.Api;

/// <summary>The outcome of one queue message; create it with <see cref="Done"/>, <see cref="Retry"/> or <see cref="Poison"/>.</summary>
/// <param name="Action">What the host does with the message.</param>
/// <param name="Reason">Why it is retried or poisoned (names the problem, never a secret); null when done.</param>
/// <param name="Errors">For an invalid message: the offending fields (field → messages); otherwise null.</param>
/// <param name="SessionIds">When done: the session created or the sessions signalled.</param>
/// <param name="Created">When done with a session request: whether a new session was created (false for a repeat).</param>
public sealed record QueueOutcome(
    QueueAction Action,
    string? Reason,
    IReadOnlyDictionary<string, string[]>? Errors,
    IReadOnlyList<string> SessionIds,
    bool Created)
{
    /// <summary>Handled; <paramref name="sessionIds"/> created or signalled.</summary>
    public static QueueOutcome Done(IReadOnlyList<string> sessionIds, bool created = false) =>
        new(QueueAction.Done, null, null, sessionIds, created);

    /// <summary>Not handled yet: retry later.</summary>
    public static QueueOutcome Retry(string reason) => new(QueueAction.Retry, reason, null, [], false);

    /// <summary>Never succeeds: poison now.</summary>
    public static QueueOutcome Poison(string reason, IReadOnlyDictionary<string, string[]>? errors = null) =>
        new(QueueAction.Poison, reason, errors, [], false);
}

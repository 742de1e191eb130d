namespace Broadcast.Host;

/// <summary>
/// What lands in <c>&lt;queue&gt;-poison</c>: the original message unchanged, why it was given up, and when.
/// Written as JSON with the queue's encoding.
/// </summary>
/// <param name="Queue">The queue the message came from.</param>
/// <param name="MessageId">The original message's id.</param>
/// <param name="Message">The original message text (or, when it could not be decoded, its raw text).</param>
/// <param name="DequeueCount">How many times it had been received.</param>
/// <param name="InsertedOn">When it was first enqueued.</param>
/// <param name="FailedAt">When it was given up.</param>
/// <param name="Error">Why it was given up.</param>
/// <param name="Errors">For an invalid message: the offending fields (JSON path → messages).</param>
/// <param name="MessageLength">Set when <paramref name="Message"/> holds only the start of a text too large to move whole: its length.</param>
public sealed record PoisonMessage(
    string Queue,
    string MessageId,
    string Message,
    long DequeueCount,
    DateTimeOffset? InsertedOn,
    DateTimeOffset FailedAt,
    string Error,
    IReadOnlyDictionary<string, string[]>? Errors = null,
    int? MessageLength = null);

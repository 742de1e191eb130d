namespace Broadcast.CrashSuite;

/// <summary>A message of <c>&lt;queue&gt;-poison</c> as the host writes it (JSON): the original message and why it was given up.</summary>
internal sealed record PoisonRecord(
    string Queue,
    string MessageId,
    string Message,
    long DequeueCount,
    DateTimeOffset? InsertedOn,
    DateTimeOffset FailedAt,
    string Error,
    IReadOnlyDictionary<string, string[]>? Errors = null);

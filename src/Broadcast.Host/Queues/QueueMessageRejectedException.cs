namespace Broadcast.Host;

/// <summary>A message that will never succeed (bad JSON, invalid fields, a conflict): it goes to the poison queue at once.</summary>
internal sealed class QueueMessageRejectedException : Exception
{
    public QueueMessageRejectedException(string message, IReadOnlyDictionary<string, string[]>? errors = null)
        : base(message)
    {
        Errors = errors;
    }

    public IReadOnlyDictionary<string, string[]>? Errors { get; }
}

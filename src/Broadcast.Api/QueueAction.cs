namespace Broadcast.Api;

/// <summary>What a queue host does with a message after <see cref="QueueMessageProcessor"/> handled it.</summary>
public enum QueueAction
{
    /// <summary>Handled: delete the message.</summary>
    Done,

    /// <summary>Not handled yet (e.g. a signal for a session still on its way): let it reappear, poison it after the last attempt.</summary>
    Retry,

    /// <summary>It can never succeed (bad JSON, invalid fields, a conflict, a finished session): poison it at once.</summary>
    Poison,
}

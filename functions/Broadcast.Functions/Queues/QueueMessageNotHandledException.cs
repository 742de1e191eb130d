namespace Broadcast.Functions;

/// <summary>
/// A queue message that was not handled (bad JSON, invalid fields, a conflict, a signal nobody takes). Throwing it
/// leaves the message to the Functions runtime: retried, and after <c>maxDequeueCount</c> (host.json) moved to
/// <c>&lt;queue&gt;-poison</c>. The message names the problem, never a field's value.
/// </summary>
public sealed class QueueMessageNotHandledException : Exception
{
    /// <summary>Creates the exception.</summary>
    public QueueMessageNotHandledException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public QueueMessageNotHandledException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    public QueueMessageNotHandledException()
    {
    }
}

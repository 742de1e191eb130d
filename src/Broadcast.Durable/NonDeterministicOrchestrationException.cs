namespace Broadcast.Durable;

/// <summary>
/// The orchestration code no longer matches its recorded history (it was changed, or it read time,
/// randomness or I/O outside the context). The instance fails with this error.
/// </summary>
public sealed class NonDeterministicOrchestrationException : Exception
{
    /// <summary>Creates the exception with a message naming the expected and the actual action.</summary>
    public NonDeterministicOrchestrationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public NonDeterministicOrchestrationException()
    {
    }

    /// <summary>Creates the exception with an inner exception.</summary>
    public NonDeterministicOrchestrationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

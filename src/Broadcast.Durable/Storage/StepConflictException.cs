namespace Broadcast.Durable.Storage;

/// <summary>The instance changed under a step (replaced or purged); the step is dropped and run again.</summary>
internal sealed class StepConflictException : Exception
{
    public StepConflictException(string instanceId)
        : base($"Instance '{instanceId}' changed while a step ran; the step is discarded.")
    {
    }

    public StepConflictException()
    {
    }

    public StepConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

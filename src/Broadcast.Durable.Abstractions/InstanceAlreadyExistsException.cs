namespace Broadcast.Durable;

/// <summary>An instance with this id exists and has not finished.</summary>
public sealed class InstanceAlreadyExistsException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public InstanceAlreadyExistsException(string instanceId)
        : base($"An orchestration instance with id '{instanceId}' already exists and is not finished.")
    {
        InstanceId = instanceId;
    }

    /// <summary>The conflicting id.</summary>
    public string InstanceId { get; }
}

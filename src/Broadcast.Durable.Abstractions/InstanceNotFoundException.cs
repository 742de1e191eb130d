namespace Broadcast.Durable;

/// <summary>No instance with this id exists.</summary>
public sealed class InstanceNotFoundException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public InstanceNotFoundException(string instanceId)
        : base($"No orchestration instance with id '{instanceId}' exists.")
    {
        InstanceId = instanceId;
    }

    /// <summary>The id that was not found.</summary>
    public string InstanceId { get; }
}

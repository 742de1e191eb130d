namespace Broadcast.Durable;

/// <summary>The runtime status of an instance, as in Durable Task.</summary>
public enum OrchestrationRuntimeStatus
{
    /// <summary>Scheduled, not started (e.g. waiting for its start time).</summary>
    Pending,

    /// <summary>Started and not finished.</summary>
    Running,

    /// <summary>Finished with an output.</summary>
    Completed,

    /// <summary>Restarted with new input (transient).</summary>
    ContinuedAsNew,

    /// <summary>Finished with an unhandled failure.</summary>
    Failed,

    /// <summary>Stopped by a client.</summary>
    Terminated,
}

namespace Broadcast.Durable;

/// <summary>
/// Starts, signals, reads and ends orchestration instances. Follows Durable Task's
/// <c>DurableTaskClient</c> so both hosts can serve the same session service.
/// </summary>
public interface IOrchestrationClient
{
    /// <summary>
    /// Schedules a new instance and returns its id. An id that exists and is not finished throws
    /// <see cref="InstanceAlreadyExistsException"/>; a finished one is replaced.
    /// </summary>
    Task<string> ScheduleNewOrchestrationInstanceAsync(
        string orchestratorName,
        object? input = null,
        StartOrchestrationOptions? options = null,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Sends an event to an instance; it is buffered until the instance waits for it. An unknown id throws
    /// <see cref="InstanceNotFoundException"/>; an event for a finished instance is dropped, as in Durable Task.
    /// </summary>
    Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellationToken = default);

    /// <summary>Reads one instance, or null when it does not exist.</summary>
    Task<OrchestrationMetadata?> GetInstanceAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellationToken = default);

    /// <summary>Reads a page of instances matching <paramref name="query"/>.</summary>
    Task<OrchestrationQueryResult> QueryInstancesAsync(OrchestrationQuery query, CancellationToken cancellationToken = default);

    /// <summary>Ends a running instance: no more of its code runs; late activity results are ignored.</summary>
    Task TerminateInstanceAsync(string instanceId, object? output = null, CancellationToken cancellationToken = default);

    /// <summary>Deletes an instance and its history; true when something was deleted.</summary>
    Task<bool> PurgeInstanceAsync(string instanceId, CancellationToken cancellationToken = default);

    /// <summary>Waits until the instance completes, fails or is terminated.</summary>
    Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellationToken = default);
}

using Broadcast.Durable;

namespace Broadcast.Api.Tests;

/// <summary>An orchestration store with no instances: every session is unknown, every query empty; starting one is a test failure.</summary>
internal sealed class EmptyOrchestrationClient : IOrchestrationClient
{
    public Task<string> ScheduleNewOrchestrationInstanceAsync(
        string orchestratorName, object? input = null, StartOrchestrationOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException("This test must not start an orchestration.");

    public Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellationToken = default) =>
        throw new InstanceNotFoundException(instanceId);

    public Task<OrchestrationMetadata?> GetInstanceAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellationToken = default) =>
        Task.FromResult<OrchestrationMetadata?>(null);

    public Task<OrchestrationQueryResult> QueryInstancesAsync(OrchestrationQuery query, CancellationToken cancellationToken = default) =>
        Task.FromResult(new OrchestrationQueryResult([], null));

    public Task TerminateInstanceAsync(string instanceId, object? output = null, CancellationToken cancellationToken = default) =>
        throw new InstanceNotFoundException(instanceId);

    public Task<bool> PurgeInstanceAsync(string instanceId, CancellationToken cancellationToken = default) => Task.FromResult(false);

    public Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellationToken = default) =>
        throw new InstanceNotFoundException(instanceId);
}

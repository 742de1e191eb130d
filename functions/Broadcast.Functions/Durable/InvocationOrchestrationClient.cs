using Broadcast.Durable;
using DtClient = Microsoft.DurableTask.Client;

namespace Broadcast.Functions;

/// <summary>
/// The <see cref="IOrchestrationClient"/> registered in the container, so the session service and everything built
/// on it is registered exactly as in the embedded host. Durable Functions hands its client to each invocation through
/// a <c>[DurableClient]</c> binding, not through the container: a function that uses the session service first calls
/// <see cref="Use"/> with its bound client, and the calls it makes go to that client.
/// </summary>
internal sealed class InvocationOrchestrationClient : IOrchestrationClient
{
    private static readonly AsyncLocal<IOrchestrationClient?> Current = new();

    /// <summary>Routes this invocation's calls to <paramref name="client"/> until the returned scope is disposed.</summary>
    public static IDisposable Use(DtClient.DurableTaskClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        var previous = Current.Value;
        Current.Value = new DurableTaskOrchestrationClient(client);
        return new Scope(previous);
    }

    public Task<string> ScheduleNewOrchestrationInstanceAsync(
        string orchestratorName, object? input = null, StartOrchestrationOptions? options = null, CancellationToken cancellationToken = default) =>
        Bound.ScheduleNewOrchestrationInstanceAsync(orchestratorName, input, options, cancellationToken);

    public Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellationToken = default) =>
        Bound.RaiseEventAsync(instanceId, eventName, eventPayload, cancellationToken);

    public Task<OrchestrationMetadata?> GetInstanceAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellationToken = default) =>
        Bound.GetInstanceAsync(instanceId, getInputsAndOutputs, cancellationToken);

    public Task<OrchestrationQueryResult> QueryInstancesAsync(OrchestrationQuery query, CancellationToken cancellationToken = default) =>
        Bound.QueryInstancesAsync(query, cancellationToken);

    public Task TerminateInstanceAsync(string instanceId, object? output = null, CancellationToken cancellationToken = default) =>
        Bound.TerminateInstanceAsync(instanceId, output, cancellationToken);

    public Task<bool> PurgeInstanceAsync(string instanceId, CancellationToken cancellationToken = default) =>
        Bound.PurgeInstanceAsync(instanceId, cancellationToken);

    public Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(
        string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellationToken = default) =>
        Bound.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs, cancellationToken);

    private static IOrchestrationClient Bound => Current.Value ?? throw new InvalidOperationException(
        "No Durable client is bound to this invocation: the function needs a [DurableClient] DurableTaskClient parameter " +
        $"and must call {nameof(InvocationOrchestrationClient)}.{nameof(Use)} with it before using the session service.");

    private sealed class Scope(IOrchestrationClient? previous) : IDisposable
    {
        public void Dispose() => Current.Value = previous;
    }
}

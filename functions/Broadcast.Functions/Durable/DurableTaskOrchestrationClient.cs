using Broadcast.Durable;
using Broadcast.Sessions;
using DtClient = Microsoft.DurableTask.Client;
using DtStart = Microsoft.DurableTask.StartOrchestrationOptions;

namespace Broadcast.Functions;

/// <summary>
/// The orchestration client the session service is written against, over the <see cref="DtClient.DurableTaskClient"/>
/// that a <c>[DurableClient]</c> binding hands to one invocation. Each member is one Durable Task call; where the
/// engine-neutral contract is stricter than Durable Task's "may fail silently" (an unknown or running id), the instance
/// is read first so both hosts answer alike.
/// </summary>
internal sealed class DurableTaskOrchestrationClient(DtClient.DurableTaskClient client) : IOrchestrationClient
{
    public async Task<string> ScheduleNewOrchestrationInstanceAsync(
        string orchestratorName,
        object? input = null,
        StartOrchestrationOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        if (options?.InstanceId is { } instanceId)
        {
            await ThrowIfRunningAsync(instanceId, cancellationToken);
        }

        var start = options is null ? null : new DtStart(options.InstanceId, options.StartAt);
        try
        {
            return await client.ScheduleNewOrchestrationInstanceAsync(orchestratorName, input, start, cancellationToken);
        }
        catch (Exception e) when (options?.InstanceId is not null && e is not OperationCanceledException and not InstanceAlreadyExistsException)
        {
            // Another caller created the same id in between; the host refuses a running one (overridableExistingInstanceStates).
            await ThrowIfRunningAsync(options.InstanceId, cancellationToken);
            throw;
        }
    }

    public async Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellationToken = default)
    {
        var existing = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken)
            ?? throw new InstanceNotFoundException(instanceId);
        if (existing.IsCompleted)
        {
            return; // Dropped, as Durable Task drops events for finished instances.
        }

        await client.RaiseEventAsync(instanceId, eventName, eventPayload, cancellationToken);
    }

    public async Task<OrchestrationMetadata?> GetInstanceAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellationToken = default)
    {
        var metadata = await client.GetInstanceAsync(instanceId, getInputsAndOutputs, cancellationToken);
        return metadata is null ? null : DurableTaskMapping.ToMetadata(metadata);
    }

    public async Task<OrchestrationQueryResult> QueryInstancesAsync(OrchestrationQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);

        // Durable Task's token is the backend's own cursor (with Azure Storage, a table continuation), not an instance
        // id; it travels wrapped behind the query's prefix, which is what the listings check a token against.
        var backendToken = query.ContinuationToken is { } token ? Unwrap(token, query.InstanceIdPrefix) : null;
        var pages = client.GetAllInstancesAsync(DurableTaskMapping.ToQuery(query with { ContinuationToken = backendToken }))
            .AsPages(backendToken, query.PageSize);
        await foreach (var page in pages.WithCancellation(cancellationToken))
        {
            // One page per call: the caller pages on with the continuation token.
            return new OrchestrationQueryResult(page.Values.Select(DurableTaskMapping.ToMetadata).ToList(),
                PrefixedContinuationToken.Wrap(query.InstanceIdPrefix, page.ContinuationToken));
        }

        return new OrchestrationQueryResult([], null);
    }

    public async Task TerminateInstanceAsync(string instanceId, object? output = null, CancellationToken cancellationToken = default)
    {
        // Durable Task ignores a terminate for a finished or unknown instance; asking first keeps the host from failing the call.
        var existing = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken);
        if (existing is null || existing.IsCompleted)
        {
            return;
        }

        await client.TerminateInstanceAsync(instanceId, output, cancellationToken);
    }

    public async Task<bool> PurgeInstanceAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        var result = await client.PurgeInstanceAsync(instanceId, cancellationToken);
        return result.PurgedInstanceCount > 0;
    }

    public async Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(
        string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellationToken = default)
    {
        _ = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken)
            ?? throw new InstanceNotFoundException(instanceId);
        return DurableTaskMapping.ToMetadata(await client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs, cancellationToken));
    }

    private static string Unwrap(string token, string? prefix) => PrefixedContinuationToken.TryUnwrap(token, prefix, out var backendToken)
        ? backendToken
        : throw new SessionValidationException(new Dictionary<string, string[]>
        {
            ["continuationToken"] = [SessionService.ForeignContinuationToken],
        });

    private async Task ThrowIfRunningAsync(string instanceId, CancellationToken cancellationToken)
    {
        var existing = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken);
        if (existing is { IsCompleted: false })
        {
            throw new InstanceAlreadyExistsException(instanceId);
        }
    }
}

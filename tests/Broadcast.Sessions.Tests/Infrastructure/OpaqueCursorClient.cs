using System.Collections.Concurrent;
using Broadcast.Durable;

namespace Broadcast.Sessions.Tests;

/// <summary>
/// Plays a backend whose continuation tokens are opaque cursors, not instance ids (as Durable Task's Azure Storage
/// backend): each page's token is a fresh "cursor-N", carried as <see cref="PrefixedContinuationToken"/> when
/// <paramref name="wrap"/> is set, or handed out bare when not.
/// </summary>
public sealed class OpaqueCursorClient(IOrchestrationClient inner, bool wrap) : IOrchestrationClient
{
    private readonly ConcurrentDictionary<string, string> cursors = new();

    public Task<string> ScheduleNewOrchestrationInstanceAsync(string orchestratorName, object? input = null,
        StartOrchestrationOptions? options = null, CancellationToken cancellationToken = default) =>
        inner.ScheduleNewOrchestrationInstanceAsync(orchestratorName, input, options, cancellationToken);

    public Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellationToken = default) =>
        inner.RaiseEventAsync(instanceId, eventName, eventPayload, cancellationToken);

    public Task<OrchestrationMetadata?> GetInstanceAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellationToken = default) =>
        inner.GetInstanceAsync(instanceId, getInputsAndOutputs, cancellationToken);

    public async Task<OrchestrationQueryResult> QueryInstancesAsync(OrchestrationQuery query, CancellationToken cancellationToken = default)
    {
        var cursor = query.ContinuationToken;
        if (cursor is not null && wrap && !PrefixedContinuationToken.TryUnwrap(cursor, query.InstanceIdPrefix, out cursor))
        {
            throw new InvalidOperationException($"'{query.ContinuationToken}' is not a wrapped token.");
        }

        var innerToken = cursor is null ? null : cursors[cursor];
        var page = await inner.QueryInstancesAsync(query with { ContinuationToken = innerToken }, cancellationToken);
        if (page.ContinuationToken is null)
        {
            return page;
        }

        var next = $"cursor-{cursors.Count}";
        cursors[next] = page.ContinuationToken;
        return page with { ContinuationToken = wrap ? PrefixedContinuationToken.Wrap(query.InstanceIdPrefix, next) : next };
    }

    public Task TerminateInstanceAsync(string instanceId, object? output = null, CancellationToken cancellationToken = default) =>
        inner.TerminateInstanceAsync(instanceId, output, cancellationToken);

    public Task<bool> PurgeInstanceAsync(string instanceId, CancellationToken cancellationToken = default) =>
        inner.PurgeInstanceAsync(instanceId, cancellationToken);

    public Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(string instanceId, bool getInputsAndOutputs = false,
        CancellationToken cancellationToken = default) =>
        inner.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs, cancellationToken);
}

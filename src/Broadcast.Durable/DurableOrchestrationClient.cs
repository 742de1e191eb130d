using Broadcast.Durable.Commands;
using Broadcast.Durable.Dispatch;
using Broadcast.Durable.Registration;
using Broadcast.Durable.Storage;
using Microsoft.Extensions.Options;

namespace Broadcast.Durable;

/// <summary>The embedded engine's client: <see cref="IOrchestrationClient"/> plus history inspection.</summary>
public sealed class DurableOrchestrationClient : IOrchestrationClient
{
    private const int MaxInstanceIdLength = 1024;

    private readonly DurableStore _store;
    private readonly EngineRuntime _runtime;
    private readonly TaskRegistry _registry;
    private readonly TimeProvider _clock;
    private readonly TimeSpan _pollInterval;

    internal DurableOrchestrationClient(DurableStore store, EngineRuntime runtime, TaskRegistry registry, TimeProvider clock, IOptions<DurableEngineOptions> options)
    {
        _store = store;
        _runtime = runtime;
        _registry = registry;
        _clock = clock;
        _pollInterval = options.Value.CompletionPollInterval;
    }

    /// <inheritdoc />
    public async Task<string> ScheduleNewOrchestrationInstanceAsync(
        string orchestratorName, object? input = null, StartOrchestrationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(orchestratorName);
        if (!_registry.HasOrchestrator(orchestratorName))
        {
            throw new ArgumentException($"No orchestrator named '{orchestratorName}' is registered with this engine.", nameof(orchestratorName));
        }

        var instanceId = options?.InstanceId ?? Guid.NewGuid().ToString("N");
        CheckInstanceId(instanceId, nameof(options));
        cancellationToken.ThrowIfCancellationRequested();
        var data = DurableJson.Serialize(input);
        if (options?.StartAt is null && await _runtime.TryStartInlineAsync(instanceId, orchestratorName, data).ConfigureAwait(false))
        {
            return instanceId;
        }

        return await _store.Submit(new ScheduleInstanceCommand(_runtime, instanceId, orchestratorName, data, options?.StartAt)).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellationToken = default)
    {
        CheckInstanceId(instanceId, nameof(instanceId));
        ArgumentException.ThrowIfNullOrWhiteSpace(eventName);
        cancellationToken.ThrowIfCancellationRequested();
        var data = DurableJson.Serialize(eventPayload);
        var message = new InboxMessage(0, instanceId, MessageKind.EventRaised, _clock.GetUtcNow().UtcTicks, Name: eventName, Data: data);
        if (!await _runtime.TryStepInlineAsync(message).ConfigureAwait(false))
        {
            await _store.Submit(new SendMessageCommand(_runtime, instanceId, MessageKind.EventRaised, eventName, data)).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public Task<OrchestrationMetadata?> GetInstanceAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellationToken = default)
    {
        CheckInstanceId(instanceId, nameof(instanceId));
        cancellationToken.ThrowIfCancellationRequested();
        return _store.ReadDurableAsync(r => r.LoadMetadata(instanceId, getInputsAndOutputs), cancellationToken);
    }

    /// <inheritdoc />
    public Task<OrchestrationQueryResult> QueryInstancesAsync(OrchestrationQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.PageSize is < 1 or > 10_000)
        {
            throw new ArgumentOutOfRangeException(nameof(query), query.PageSize, "OrchestrationQuery.PageSize must be between 1 and 10000.");
        }

        if (query.CreatedFrom is { } from && query.CreatedTo is { } to && to < from)
        {
            throw new ArgumentException("OrchestrationQuery.CreatedTo must not be before CreatedFrom.", nameof(query));
        }

        cancellationToken.ThrowIfCancellationRequested();
        return _store.ReadDurableAsync(r => r.Query(query), cancellationToken);
    }

    /// <inheritdoc />
    public async Task TerminateInstanceAsync(string instanceId, object? output = null, CancellationToken cancellationToken = default)
    {
        CheckInstanceId(instanceId, nameof(instanceId));
        cancellationToken.ThrowIfCancellationRequested();
        await _store.Submit(new SendMessageCommand(_runtime, instanceId, MessageKind.Terminate, null, DurableJson.Serialize(output))).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task<bool> PurgeInstanceAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        CheckInstanceId(instanceId, nameof(instanceId));
        cancellationToken.ThrowIfCancellationRequested();
        return _store.Submit(new PurgeInstanceCommand(_runtime, instanceId));
    }

    /// <inheritdoc />
    public async Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(
        string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellationToken = default)
    {
        CheckInstanceId(instanceId, nameof(instanceId));
        while (true)
        {
            // Watch before reading, so a completion between the read and the wait is not missed.
            var signal = _runtime.Completions.Watch(instanceId);
            var metadata = await GetInstanceAsync(instanceId, getInputsAndOutputs, cancellationToken).ConfigureAwait(false)
                ?? throw new InstanceNotFoundException(instanceId);
            if (metadata.IsCompleted)
            {
                return metadata;
            }

            // The signal is the normal path; the poll covers a completion the signal cannot see.
            using var poll = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var delay = Task.Delay(_pollInterval, _clock, poll.Token);
            await Task.WhenAny(signal, delay).ConfigureAwait(false);
            await poll.CancelAsync().ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    /// <summary>The history of the instance's current execution, oldest first; empty when the instance does not exist.</summary>
    public Task<IReadOnlyList<HistoryEvent>> GetHistoryAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        CheckInstanceId(instanceId, nameof(instanceId));
        cancellationToken.ThrowIfCancellationRequested();
        return _store.ReadDurableAsync<IReadOnlyList<HistoryEvent>>(r => r.LoadHistory(instanceId), cancellationToken);
    }

    private static void CheckInstanceId(string instanceId, string parameterName)
    {
        if (string.IsNullOrWhiteSpace(instanceId))
        {
            throw new ArgumentException("An instance id must not be empty.", parameterName);
        }

        if (instanceId.Length > MaxInstanceIdLength)
        {
            throw new ArgumentException($"An instance id must be at most {MaxInstanceIdLength} characters (was {instanceId.Length}).", parameterName);
        }

        if (instanceId.Any(char.IsControl))
        {
            throw new ArgumentException("An instance id must not contain control characters.", parameterName);
        }
    }
}

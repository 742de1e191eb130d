using Broadcast.Durable.Execution;
using Broadcast.Durable.Registration;
using Broadcast.Durable.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Broadcast.Durable.Dispatch;

/// <summary>
/// The running parts of the engine and the signals between them. Exists before the engine starts, so
/// clients can write (their wake-ups wait in the ready queue); dispatching begins at <see cref="StartAsync"/>.
/// </summary>
internal sealed class EngineRuntime : IWorkSignals, IDisposable
{
    private readonly DurableStore _store;
    private readonly DurableEngineOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly ReadyQueue _ready;
    private readonly HistoryCache _cache;
    private readonly OrchestrationDispatcher _orchestrations;
    private readonly ActivityDispatcher _activities;
    private readonly TimerScheduler _timers;
    private int _state; // 0 new, 1 started, 2 stopped

    public EngineRuntime(
        DurableStore store, TaskRegistry registry, IServiceProvider services, IOptions<DurableEngineOptions> options,
        TimeProvider clock, ILoggerFactory loggerFactory, EngineMetrics? metrics = null)
    {
        _ready = new ReadyQueue(metrics);
        _store = store;
        _options = options.Value;
        _clock = clock;
        _logger = loggerFactory.CreateLogger<DurableEngine>();
        _cache = new HistoryCache(_options.MaxCachedInstances);
        var executor = new OrchestrationExecutor(registry, services, loggerFactory);
        _orchestrations = new OrchestrationDispatcher(store, _ready, _cache, executor, this, clock, _options.StepRetryDelay, _logger);
        _activities = new ActivityDispatcher(store, registry, services, this, _options.InlineSteps ? _orchestrations.TryStepInlineAsync : null, clock, _options.StepRetryDelay, _logger, metrics);
        _timers = new TimerScheduler(store, clock, id => _ready.Wake(id), _logger);
    }

    public CompletionNotifier Completions { get; } = new();

    /// <summary>Completes when the store can no longer flush commits to disk; the engine then takes no more work.</summary>
    public Task<IOException> Broken => _store.Writer.Broken;

    /// <summary>Inline steps are on and the engine runs (before its start, clients' writes wait in the ready queue).</summary>
    private bool InlineStepsRun => _options.InlineSteps && Volatile.Read(ref _state) == 1;

    public EngineStatistics Statistics => new(
        _orchestrations.StepsCommitted, _orchestrations.StepsInline, _activities.ActivitiesCompleted, _activities.Running, _ready.Count, _cache.Count,
        _state == 1 ? _store.Writer.Commits : 0);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.CompareExchange(ref _state, 1, 0) != 0)
        {
            throw new InvalidOperationException("The durable engine was already started; create a new one to start again.");
        }

        cancellationToken.ThrowIfCancellationRequested();
        _store.EnsureOpen();
        var now = _clock.GetUtcNow().UtcTicks;
        var (ready, activities) = _store.Read(r => (
            r.LoadIds("SELECT DISTINCT instance_id FROM messages WHERE visible_at <= $now;", now),
            r.LoadPendingActivities()));
        foreach (var instanceId in ready)
        {
            _ready.Wake(instanceId);
        }

        _activities.Enqueue(activities);
        _timers.Start(now);
        _orchestrations.Start(_options.MaxConcurrentOrchestrations);
        _activities.Start(_options.MaxConcurrentActivities);
        Log.EngineStarted(_logger, _store.DatabasePath, ready.Count, activities.Count);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _state, 2) != 1)
        {
            return;
        }

        var abandoned = await _activities.StopAsync(cancellationToken).ConfigureAwait(false);
        await _orchestrations.StopAsync().ConfigureAwait(false);
        await _timers.StopAsync().ConfigureAwait(false);
        _store.Dispose();
        Log.EngineStopped(_logger, abandoned);
    }

    public void Dispose()
    {
        _timers.Dispose();
        _orchestrations.Dispose();
        _activities.Dispose();
    }

    /// <summary>Runs the instance's step with a client's event at once, when it can (see <see cref="OrchestrationDispatcher.TryStepInlineAsync"/>).</summary>
    public Task<bool> TryStepInlineAsync(InboxMessage message) =>
        InlineStepsRun ? _orchestrations.TryStepInlineAsync(message, null) : Task.FromResult(false);

    /// <summary>Creates an instance with its first step at once, when it can (see <see cref="OrchestrationDispatcher.TryStartInlineAsync"/>).</summary>
    public Task<bool> TryStartInlineAsync(string instanceId, string name, string? input) =>
        InlineStepsRun ? _orchestrations.TryStartInlineAsync(instanceId, name, input) : Task.FromResult(false);

    public void InstanceReady(string instanceId, bool urgent = false) => _ready.Wake(instanceId, urgent);

    public void MessageDue(string instanceId, long visibleAt) => _timers.Schedule(instanceId, visibleAt);

    public void ActivitiesScheduled(IReadOnlyList<ActivityWorkItem> items) => _activities.Enqueue(items);

    public void InstanceFinished(string instanceId) => Completions.Signal(instanceId);

    public void InstanceRemoved(string instanceId)
    {
        _cache.Remove(instanceId);
        Completions.Signal(instanceId);
    }
}

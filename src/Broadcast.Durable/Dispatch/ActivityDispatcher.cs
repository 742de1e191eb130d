using Broadcast.Durable.Commands;
using Broadcast.Durable.Execution;
using Broadcast.Durable.Registration;
using Broadcast.Durable.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Broadcast.Durable.Dispatch;

/// <summary>
/// Runs activity work items, each in its own DI scope, a bounded number at a time, and records each
/// result in one transaction: with the step that consumes it when that step can run at once, else as a
/// message; a commit that fails is tried again after the step retry delay. On stop, running activities may finish; if they do not in time they are cancelled and their
/// work items stay in the database to run again after a restart.
/// </summary>
internal sealed class ActivityDispatcher(
    DurableStore store,
    TaskRegistry registry,
    IServiceProvider services,
    IWorkSignals signals,
    InlineStep? stepInline,
    TimeProvider clock,
    TimeSpan retryDelay,
    ILogger logger,
    EngineMetrics? metrics = null) : IDisposable
{
    // Engine:StepRetryDelay may be 0; a commit that keeps failing must not spin a worker and flood the log.
    private static readonly TimeSpan MinCommitRetryDelay = TimeSpan.FromMilliseconds(100);

    private readonly TimeSpan _commitRetryDelay = retryDelay > MinCommitRetryDelay ? retryDelay : MinCommitRetryDelay;

    private readonly TwoLaneQueue<(ActivityWorkItem Item, long Since)> _queue = new();
    private readonly List<Task> _workers = [];
    private readonly CancellationTokenSource _stopping = new();
    private readonly CancellationTokenSource _abort = new();
    private long _completed;
    private int _running;

    public long ActivitiesCompleted => Interlocked.Read(ref _completed);

    public int Running => Volatile.Read(ref _running);

    public void Enqueue(IEnumerable<ActivityWorkItem> items)
    {
        foreach (var item in items)
        {
            _queue.Enqueue((item, System.Diagnostics.Stopwatch.GetTimestamp()), item.Urgent);
        }
    }

    public void Start(int workers)
    {
        for (var i = 0; i < workers; i++)
        {
            _workers.Add(Task.Run(WorkerAsync));
        }
    }

    /// <summary>Stops taking work; waits for running activities until <paramref name="cancellationToken"/> fires, then cancels them.</summary>
    /// <returns>How many activities were left unfinished.</returns>
    public async Task<int> StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        var all = Task.WhenAll(_workers);
        try
        {
            await all.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await _abort.CancelAsync().ConfigureAwait(false);
        }

        return Running;
    }

    public void Dispose()
    {
        _stopping.Dispose();
        _abort.Dispose();
    }

    private async Task WorkerAsync()
    {
        try
        {
            while (await _queue.WaitToReadAsync(_stopping.Token).ConfigureAwait(false))
            {
                while (!_stopping.IsCancellationRequested && _queue.TryDequeue(out var queued))
                {
                    var item = queued.Item;
                    metrics?.ActivityStarted(item.Urgent, queued.Since);
                    Interlocked.Increment(ref _running);
                    try
                    {
                        await RunAsync(item).ConfigureAwait(false);
                    }
                    finally
                    {
                        Interlocked.Decrement(ref _running);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // Stopping: queued work items stay in the database.
        }
    }

    private async Task RunAsync(ActivityWorkItem item)
    {
        string? result = null;
        TaskFailureDetails? failure = null;
        if (registry.FindActivity(item.Name) is not { } invoker)
        {
            failure = TaskFailureDetails.FromException(
                new InvalidOperationException($"No activity named '{item.Name}' is registered with this engine."));
        }
        else
        {
            try
            {
                var scope = services.CreateAsyncScope();
                await using (scope.ConfigureAwait(false))
                {
                    result = await invoker(scope.ServiceProvider, new ActivityContext(item.Name, item.InstanceId), item.Input, _abort.Token).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (_abort.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // Any exception of activity code becomes a TaskFailed result for the orchestration.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                failure = TaskFailureDetails.FromException(exception);
                Log.ActivityFailed(logger, item.InstanceId, item.Name, item.TaskId, failure.ToString());
            }
        }

        // Until it is committed: the instance waits on this result, and the work item is only handed out again by a
        // restart, which would run the activity (a vendor call) a second time.
        while (true)
        {
            try
            {
                if (stepInline is null || !await stepInline(ActivityResultCommand.Message(item, result, failure, clock.GetUtcNow().UtcTicks), item).ConfigureAwait(false))
                {
                    await store.Submit(new ActivityResultCommand(signals, item, result, failure)).ConfigureAwait(false);
                }

                Interlocked.Increment(ref _completed);
                return;
            }
            catch (ObjectDisposedException)
            {
                // The engine stopped first; the work item stays and runs again after a restart.
                return;
            }
#pragma warning disable CA1031 // The work item stays in the database; at worst it runs again after a restart.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                if (store.Writer.Broken.IsCompleted)
                {
                    // Fail-stop: the store takes no more work, so only a restart goes on.
                    Log.ActivityCommitAbandoned(logger, exception, item.InstanceId);
                    return;
                }

                Log.ActivityCommitFailed(logger, exception, item.InstanceId, _commitRetryDelay);
            }

            try
            {
                await Task.Delay(_commitRetryDelay, clock, _stopping.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return; // stopping: the work item stays in the database
            }
        }
    }
}

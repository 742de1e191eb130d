using Broadcast.Durable.Commands;
using Broadcast.Durable.Execution;
using Broadcast.Durable.Storage;
using Microsoft.Extensions.Logging;

namespace Broadcast.Durable.Dispatch;

/// <summary>
/// Runs orchestration steps: takes a woken instance, reads its visible messages and its state (cache or
/// database), replays it, and commits the step. Up to a fixed number of steps run or commit at once.
/// </summary>
internal sealed class OrchestrationDispatcher(
    DurableStore store,
    ReadyQueue ready,
    HistoryCache cache,
    OrchestrationExecutor executor,
    IWorkSignals signals,
    TimeProvider clock,
    TimeSpan retryDelay,
    ILogger logger) : IDisposable
{
    private readonly List<Task> _workers = [];
    private readonly CancellationTokenSource _stopping = new();
    private long _steps;

    public long StepsCommitted => Interlocked.Read(ref _steps);

    public void Start(int workers)
    {
        for (var i = 0; i < workers; i++)
        {
            _workers.Add(Task.Run(WorkerAsync));
        }
    }

    /// <summary>Stops taking instances and waits for the steps in progress to commit.</summary>
    public async Task StopAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(_workers).ConfigureAwait(false);
    }

    public void Dispose() => _stopping.Dispose();

    private async Task WorkerAsync()
    {
        try
        {
            while (await ready.WaitAsync(_stopping.Token).ConfigureAwait(false))
            {
                while (!_stopping.IsCancellationRequested && ready.TryBegin(out var instanceId))
                {
                    try
                    {
                        await RunStepAsync(instanceId).ConfigureAwait(false);
                    }
                    finally
                    {
                        ready.End(instanceId);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // Stopping: instances still queued keep their messages in the database.
        }
    }

    private async Task RunStepAsync(string instanceId)
    {
        try
        {
            await RunStepCoreAsync(instanceId).ConfigureAwait(false);
        }
        catch (ObjectDisposedException) when (_stopping.IsCancellationRequested)
        {
            // The store closed under a stopping engine; the messages stay for the next start.
        }
#pragma warning disable CA1031 // One broken step must not stop the worker; it is retried after a delay.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            cache.Remove(instanceId);
            if (exception is StepConflictException)
            {
                Log.StepConflict(logger, instanceId);
                ready.Wake(instanceId);
                return;
            }

            Log.StepCommitFailed(logger, exception, instanceId);
            _ = RetryLaterAsync(instanceId);
        }
    }

    private async Task RunStepCoreAsync(string instanceId)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var (messages, state) = store.Read(reader =>
        {
            var visible = reader.LoadMessages(instanceId, now.Ticks);
            if (visible.Count == 0)
            {
                return (visible, null);
            }

            var known = cache.Get(instanceId);
            if (known is null && reader.LoadInstance(instanceId) is { } row)
            {
                known = new InstanceState(row, InstanceStatuses.IsFinished(row.Status) ? [] : reader.LoadHistory(instanceId));
            }

            return (visible, known);
        });
        if (messages.Count == 0)
        {
            return;
        }

        if (state is null)
        {
            // Messages of an instance that no longer exists (purged meanwhile): drop them.
            var orphan = new StepPlan { ExecutionId = string.Empty, Name = string.Empty };
            orphan.Consumed.AddRange(messages.Select(m => m.Id));
            await store.Submit(new StepCommand(signals, instanceId, null, orphan, null)).ConfigureAwait(false);
            return;
        }

        var plan = StepPlanner.Plan(state, messages, now);
        if (plan is null)
        {
            return;
        }

        StepOutcome? outcome = null;
        LiveOrchestration? live = null;
        if (plan.Terminates)
        {
            outcome = Terminated(plan, now);
        }
        else if (plan.RunsCode)
        {
            (outcome, live) = executor.Execute(instanceId, plan.Name, plan.Past, plan.NewEvents, plan.StartsExecution ? null : state.Live);
        }

        await store.Submit(new StepCommand(signals, instanceId, outcome is null ? null : state.Row.Version, plan, outcome)).ConfigureAwait(false);
        if (outcome is null)
        {
            return;
        }

        Interlocked.Increment(ref _steps);
        Remember(instanceId, state, plan, outcome, live);
        if (outcome.IsFinished)
        {
            LogFinished(instanceId, plan.Name, outcome);
        }
    }

    private void Remember(string instanceId, InstanceState state, StepPlan plan, StepOutcome outcome, LiveOrchestration? live)
    {
        if (outcome.IsFinished)
        {
            cache.Remove(instanceId);
            return;
        }

        var row = state.Row with { Status = outcome.Status, ExecutionId = plan.ExecutionId, Version = state.Row.Version + 1 };
        if (outcome.ContinueAsNew is not null)
        {
            cache.Put(instanceId, new InstanceState(row, []));
            return;
        }

        var history = new List<HistoryEvent>(plan.Past.Count + outcome.NewEvents.Count);
        history.AddRange(plan.Past);
        history.AddRange(outcome.NewEvents);
        cache.Put(instanceId, new InstanceState(row, history) { Live = live });
    }

    private static StepOutcome Terminated(StepPlan plan, DateTime now) => new()
    {
        Status = OrchestrationRuntimeStatus.Terminated,
        Output = plan.TerminateOutput,
        NewEvents = [new HistoryEvent(HistoryEventKind.ExecutionTerminated, now, Data: plan.TerminateOutput)],
    };

    private void LogFinished(string instanceId, string name, StepOutcome outcome)
    {
        if (outcome.Status == OrchestrationRuntimeStatus.Failed)
        {
            Log.InstanceFailed(logger, instanceId, name, outcome.Failure?.ToString() ?? "unknown");
        }
        else
        {
            Log.InstanceFinished(logger, instanceId, name, outcome.Status);
        }
    }

    private async Task RetryLaterAsync(string instanceId)
    {
        try
        {
            await Task.Delay(retryDelay, clock, _stopping.Token).ConfigureAwait(false);
            ready.Wake(instanceId);
        }
        catch (OperationCanceledException)
        {
            // Stopping: the instance's messages stay in the database.
        }
        catch (ObjectDisposedException)
        {
            // Stopped already.
        }
    }
}

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
    private long _inline;
    private ExecutionContext? _workerContext;

    public long StepsCommitted => Interlocked.Read(ref _steps);

    public long StepsInline => Interlocked.Read(ref _inline);

    public void Start(int workers)
    {
        // Inline steps run their code in the workers' context, not their caller's (an HTTP request, an activity).
        _workerContext = ExecutionContext.Capture();
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
                    IReadOnlyList<ActivityWorkItem>? scheduled = null;
                    try
                    {
                        scheduled = await RunStepAsync(instanceId).ConfigureAwait(false);
                    }
                    finally
                    {
                        ready.End(instanceId);
                    }

                    Stepped(scheduled);
                }
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // Stopping: instances still queued keep their messages in the database.
        }
    }

    /// <returns>The activities the step scheduled; null when no step ran.</returns>
    private async Task<IReadOnlyList<ActivityWorkItem>?> RunStepAsync(string instanceId)
    {
        try
        {
            return await RunStepCoreAsync(instanceId).ConfigureAwait(false);
        }
        catch (ObjectDisposedException) when (_stopping.IsCancellationRequested)
        {
            // The store closed under a stopping engine; the messages stay for the next start.
            return null;
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
                return null;
            }

            Log.StepCommitFailed(logger, exception, instanceId);
            _ = RetryLaterAsync(instanceId);
            return null;
        }
    }

    private async Task<IReadOnlyList<ActivityWorkItem>?> RunStepCoreAsync(string instanceId)
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
            return null;
        }

        if (state is null)
        {
            // Messages of an instance that no longer exists (purged meanwhile): drop them.
            var orphan = new StepPlan { ExecutionId = string.Empty, Name = string.Empty };
            orphan.Consumed.AddRange(messages.Select(m => m.Id));
            await store.Submit(new StepCommand(signals, instanceId, null, orphan, null)).ConfigureAwait(false);
            return null;
        }

        var plan = StepPlanner.Plan(state, messages, now);
        if (plan is null)
        {
            return null;
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

        var scheduled = await store.Submit(new StepCommand(signals, instanceId, outcome is null ? null : state.Row.Version, plan, outcome)).ConfigureAwait(false);
        if (outcome is null)
        {
            return null;
        }

        Remember(instanceId, state, plan, outcome, live);
        return scheduled;
    }

    /// <summary>
    /// Runs the instance's next step at once, on the caller's thread, with one message that was never stored
    /// (an activity's result, a client's event), and commits the two as one. It saves storing the message, waking the
    /// instance and reading the message back. False, with nothing written, when the step cannot run so: the instance
    /// is running or queued, its state is not cached, the message alone makes no step, or the commit was refused (the
    /// work item is gone, the version moved, a stored message is visible and must come first) or failed. The caller
    /// then stores the message as usual.
    /// </summary>
    /// <param name="message">The message, not stored; its id is 0.</param>
    /// <param name="completes">The activity whose result <paramref name="message"/> is; its work item goes with the commit.</param>
    public async Task<bool> TryStepInlineAsync(InboxMessage message, ActivityWorkItem? completes)
    {
        var instanceId = message.InstanceId;
        if (_stopping.IsCancellationRequested || !ready.TryClaim(instanceId))
        {
            return false;
        }

        IReadOnlyList<ActivityWorkItem>? scheduled = null;
        try
        {
            if (cache.Get(instanceId) is not { } state)
            {
                return false;
            }

            var now = clock.GetUtcNow().UtcDateTime;
            if (StepPlanner.Plan(state, [message], now) is not { RunsCode: true, Terminates: false, StartsExecution: false } plan)
            {
                return false;
            }

            plan.Consumed.Clear();
            StepOutcome outcome;
            LiveOrchestration? live;
            try
            {
                (outcome, live) = ExecuteInWorkerContext(instanceId, plan, state.Live);
                var command = new StepCommand(signals, instanceId, state.Row.Version, plan, outcome, completes, inline: true);
                scheduled = await store.Submit(command).ConfigureAwait(false);
            }
            catch (ObjectDisposedException)
            {
                cache.Remove(instanceId);
                throw;
            }
#pragma warning disable CA1031 // The caller stores the message instead, and the ordinary step reports what is wrong.
            catch (Exception)
#pragma warning restore CA1031
            {
                // The code ran ahead of what is stored: its cached state is no longer the instance's. After a failed flush
                // the caller's fallback write is refused too (the writer checks the flusher's failure before each batch),
                // so the message is not stored beside a step that may be on disk.
                cache.Remove(instanceId);
                return false;
            }

            Remember(instanceId, state, plan, outcome, live);
            Interlocked.Increment(ref _inline);
            return true;
        }
        finally
        {
            ready.End(instanceId);
            Stepped(scheduled);
        }
    }

    /// <summary>
    /// Creates an instance and runs its first step at once, on the caller's thread, committing the two as one. False,
    /// with nothing written, when the instance id is stepping or queued here, or cached (only unfinished instances are),
    /// or when the commit failed: the caller then schedules the start as usual, and that path refuses an unfinished id.
    /// </summary>
    /// <exception cref="InstanceAlreadyExistsException">An instance with this id is still running.</exception>
    public async Task<bool> TryStartInlineAsync(string instanceId, string name, string? input)
    {
        if (_stopping.IsCancellationRequested || !ready.TryClaim(instanceId))
        {
            return false;
        }

        IReadOnlyList<ActivityWorkItem>? scheduled = null;
        try
        {
            // Only unfinished instances are cached: the ordinary path refuses the start without running its code.
            if (cache.Get(instanceId) is not null)
            {
                return false;
            }

            // The plan the ordinary step would make of the start message that is not stored.
            var now = clock.GetUtcNow().UtcDateTime;
            var start = new InboxMessage(0, instanceId, MessageKind.ExecutionStarted, now.Ticks, Guid.NewGuid().ToString("N"), Name: name, Data: input);
            var fresh = new InstanceState(new InstanceRow(instanceId, name, start.ExecutionId!, OrchestrationRuntimeStatus.Pending, 0), []);
            var plan = StepPlanner.Plan(fresh, [start], now)!;
            plan.Consumed.Clear();
            StepOutcome outcome;
            LiveOrchestration? live;
            StartStepCommand command;
            try
            {
                (outcome, live) = ExecuteInWorkerContext(instanceId, plan, null);
                command = new StartStepCommand(signals, instanceId, input, plan, outcome);
                scheduled = await store.Submit(command).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // The caller schedules the start instead, and the ordinary step reports what is wrong.
            catch (Exception exception) when (exception is not (InstanceAlreadyExistsException or ObjectDisposedException))
#pragma warning restore CA1031
            {
                // After a failed flush the fallback schedule is refused with the same error, so the caller is not told
                // that the id, whose start may be on disk, is already running.
                return false;
            }

            Remember(instanceId, fresh with { Row = fresh.Row with { Version = command.Version } }, plan, outcome, live);
            Interlocked.Increment(ref _inline);
            return true;
        }
        finally
        {
            ready.End(instanceId);
            Stepped(scheduled);
        }
    }

    private (StepOutcome Outcome, LiveOrchestration? Live) ExecuteInWorkerContext(string instanceId, StepPlan plan, LiveOrchestration? live)
    {
        if (_workerContext is null)
        {
            return executor.Execute(instanceId, plan.Name, plan.Past, plan.NewEvents, live);
        }

        (StepOutcome, LiveOrchestration?) result = default;
        ExecutionContext.Run(_workerContext, _ => result = executor.Execute(instanceId, plan.Name, plan.Past, plan.NewEvents, live), null);
        return result;
    }

    /// <summary>
    /// Counts a committed step and hands its activities over once its instance is released, so an activity that ends
    /// at once finds its instance free to step with its result.
    /// </summary>
    private void Stepped(IReadOnlyList<ActivityWorkItem>? scheduled)
    {
        if (scheduled is null)
        {
            return;
        }

        Interlocked.Increment(ref _steps);
        if (scheduled.Count > 0)
        {
            signals.ActivitiesScheduled(scheduled);
        }
    }

    private void Remember(string instanceId, InstanceState state, StepPlan plan, StepOutcome outcome, LiveOrchestration? live)
    {
        if (outcome.IsFinished)
        {
            cache.Remove(instanceId);
            LogFinished(instanceId, plan.Name, outcome);
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

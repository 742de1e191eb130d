using Broadcast.Durable.Registration;
using Microsoft.Extensions.Logging;

namespace Broadcast.Durable.Execution;

/// <summary>
/// Runs one step of an orchestration: replays its past events (IsReplaying), then applies the new ones,
/// and turns what the code did into a <see cref="StepOutcome"/>. Never touches storage.
/// </summary>
internal sealed class OrchestrationExecutor(TaskRegistry registry, IServiceProvider services, ILoggerFactory loggerFactory)
{
    /// <param name="instanceId">The instance.</param>
    /// <param name="name">The orchestrator name.</param>
    /// <param name="pastEvents">History of the execution so far.</param>
    /// <param name="newEvents">This step's events; the first is its OrchestratorStarted.</param>
    /// <param name="live">The instance's code as the previous step left it, when kept: it has seen exactly
    /// <paramref name="pastEvents"/>, so only the new events are applied and nothing is replayed.</param>
    /// <returns>The step's outcome, and the code to keep for the next step (null when it must be replayed then).</returns>
    public (StepOutcome Outcome, LiveOrchestration? Live) Execute(
        string instanceId, string name, IReadOnlyList<HistoryEvent> pastEvents, IReadOnlyList<HistoryEvent> newEvents, LiveOrchestration? live = null)
    {
        var resumed = live is not null;
        live ??= new LiveOrchestration(new ReplayContext(instanceId, name, pastEvents, loggerFactory), new OrchestrationSynchronizationContext());
        var context = live.Context;
        var run = live.Run ??= new Run(context, live.Sync, registry, services, name);
        context.BeginStep();
        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(live.Sync);
        context.Attach();
        var applied = new List<HistoryEvent>(newEvents.Count + 4);
        var carried = new List<(string Name, string? Data)>();
        try
        {
            if (!resumed)
            {
                Replay(context, run, pastEvents);
            }

            context.IsReplaying = false;
            foreach (var e in newEvents)
            {
                if (context.NonDeterminism is not null)
                {
                    break;
                }

                if (run.Task is { IsCompleted: true } || context.ContinueAsNewRequest is not null)
                {
                    // Events that arrive after the code finished are not processed; ContinueAsNew hands them on.
                    if (e.Kind == HistoryEventKind.EventRaised)
                    {
                        carried.Add((e.Name!, e.Data));
                    }

                    continue;
                }

                applied.Add(e);
                run.Apply(e);
            }
        }
        finally
        {
            context.Detach();
            SynchronizationContext.SetSynchronizationContext(previous);
        }

        var outcome = Finish(context, run.Task, applied, carried);
        // Kept only while activities it awaits are out: their results come back within moments. Code that waits on
        // the outside world (an event, a timer) is not kept, so waiting instances cost only their history.
        var keep = outcome.Status == OrchestrationRuntimeStatus.Running && context.Misuse is null && context.OpenActivities > 0;
        return (outcome, keep ? live : null);
    }

    private static void Replay(ReplayContext context, Run run, IReadOnlyList<HistoryEvent> pastEvents)
    {
        context.IsReplaying = true;
        foreach (var e in pastEvents)
        {
            run.Apply(e);
            if (context.NonDeterminism is not null)
            {
                return;
            }
        }

        if (run.Task is { IsCompleted: true })
        {
            context.FailNonDeterministic("the orchestration to go on waiting", "the code finished during replay");
        }
    }

    private static StepOutcome Finish(ReplayContext context, Task<string?>? task, List<HistoryEvent> applied, List<(string Name, string? Data)> carried)
    {
        var now = context.CurrentUtcDateTime;
        if (((Exception?)context.NonDeterminism ?? context.Misuse) is { } broken)
        {
            var failure = TaskFailureDetails.FromException(broken);
            applied.Add(new HistoryEvent(HistoryEventKind.ExecutionCompleted, now, Name: nameof(OrchestrationRuntimeStatus.Failed), Failure: failure));
            return new StepOutcome { Status = OrchestrationRuntimeStatus.Failed, NewEvents = applied, Failure = failure, CustomStatus = context.CustomStatus };
        }

        applied.AddRange(context.NewActions);
        if (task is { IsFaulted: true } or { IsCanceled: true })
        {
            var failure = DescribeFailure(task);
            applied.Add(new HistoryEvent(HistoryEventKind.ExecutionCompleted, now, Name: nameof(OrchestrationRuntimeStatus.Failed), Failure: failure));
            return new StepOutcome { Status = OrchestrationRuntimeStatus.Failed, NewEvents = applied, Failure = failure, CustomStatus = context.CustomStatus };
        }

        if (context.ContinueAsNewRequest is { } continueAsNew)
        {
            applied.Add(new HistoryEvent(HistoryEventKind.ExecutionCompleted, now, Name: nameof(OrchestrationRuntimeStatus.ContinuedAsNew), Data: continueAsNew.Input));
            if (continueAsNew.PreserveUnprocessedEvents)
            {
                carried.InsertRange(0, context.Inbox.Buffered);
            }
            else
            {
                carried.Clear();
            }

            return new StepOutcome
            {
                Status = OrchestrationRuntimeStatus.ContinuedAsNew,
                NewEvents = applied,
                CustomStatus = context.CustomStatus,
                ContinueAsNew = continueAsNew,
                CarriedOverEvents = carried,
            };
        }

        if (task is { IsCompletedSuccessfully: true })
        {
            var output = task.Result;
            applied.Add(new HistoryEvent(HistoryEventKind.ExecutionCompleted, now, Name: nameof(OrchestrationRuntimeStatus.Completed), Data: output));
            return new StepOutcome { Status = OrchestrationRuntimeStatus.Completed, NewEvents = applied, Output = output, CustomStatus = context.CustomStatus };
        }

        return new StepOutcome
        {
            Status = OrchestrationRuntimeStatus.Running,
            NewEvents = applied,
            CustomStatus = context.CustomStatus,
            Activities = context.NewActions.FindAll(a => a.Kind == HistoryEventKind.TaskScheduled),
            Timers = context.NewActions.FindAll(a => a.Kind == HistoryEventKind.TimerCreated && !context.DroppedTimers.Contains(a.TaskId!.Value)),
            CancelledTimers = context.CancelledTimers,
        };
    }

    private static TaskFailureDetails DescribeFailure(Task task)
    {
        try
        {
            task.GetAwaiter().GetResult();
            throw new InvalidOperationException("The task did not fail.");
        }
        catch (TaskFailedException taskFailed)
        {
            return new TaskFailureDetails(
                typeof(TaskFailedException).FullName!, taskFailed.Message, taskFailed.FailureDetails.ErrorCode, taskFailed.StackTrace, taskFailed.FailureDetails);
        }
#pragma warning disable CA1031 // Any exception of orchestration code becomes the instance's failure.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            return TaskFailureDetails.FromException(exception);
        }
    }

    /// <summary>The running code of an execution and how history events reach it.</summary>
    internal sealed class Run(ReplayContext context, OrchestrationSynchronizationContext sync, TaskRegistry registry, IServiceProvider services, string name)
    {
        public Task<string?>? Task { get; private set; }

        public void Apply(HistoryEvent e)
        {
            switch (e.Kind)
            {
                case HistoryEventKind.OrchestratorStarted:
                    context.CurrentUtcDateTime = e.Timestamp;
                    break;
                case HistoryEventKind.ExecutionStarted:
                    Task = Start(e.Data);
                    break;
                case HistoryEventKind.TaskScheduled:
                case HistoryEventKind.TimerCreated:
                    context.VerifyRecorded(e);
                    break;
                case HistoryEventKind.TaskCompleted:
                    context.CompleteActivity(e.TaskId!.Value, e.Data);
                    break;
                case HistoryEventKind.TaskFailed:
                    context.FailActivity(e.TaskId!.Value, e.Failure ?? new TaskFailureDetails("Unknown", "The activity failed."));
                    break;
                case HistoryEventKind.TimerFired:
                    context.FireTimer(e.TaskId!.Value);
                    break;
                case HistoryEventKind.EventRaised:
                    context.Inbox.Deliver(e.Name!, e.Data);
                    break;
                default:
                    break;
            }

            sync.RunPending();
        }

        private Task<string?> Start(string? input)
        {
            var invoker = registry.CreateOrchestrator(name, services);
            if (invoker is null)
            {
                return System.Threading.Tasks.Task.FromException<string?>(
                    new InvalidOperationException($"No orchestrator named '{name}' is registered with this engine."));
            }

            try
            {
                return invoker(context, input);
            }
#pragma warning disable CA1031 // A synchronous throw of orchestration code fails the instance like an asynchronous one.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                return System.Threading.Tasks.Task.FromException<string?>(exception);
            }
        }
    }
}

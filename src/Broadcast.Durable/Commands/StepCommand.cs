using Broadcast.Durable.Dispatch;
using Broadcast.Durable.Execution;
using Broadcast.Durable.Storage;

namespace Broadcast.Durable.Commands;

/// <summary>
/// Commits one orchestration step: the instance row (guarded by its version), new history, consumed
/// messages, new activity work items and timers — or, for a step without code, just the consumed messages.
/// A step run at once with an activity's result (never stored as a message) also deletes that activity's work item,
/// so the result and the step that consumes it commit together or not at all. Such an inline step is refused while the
/// instance has a visible message: a due timer or an earlier event must be seen first, as the ordinary step would.
/// </summary>
internal sealed class StepCommand(
    IWorkSignals signals, string instanceId, long? expectedVersion, StepPlan plan, StepOutcome? outcome, ActivityWorkItem? completes = null,
    bool inline = false)
    : WriteCommand<IReadOnlyList<ActivityWorkItem>>
{
    private readonly List<ActivityWorkItem> _activities = [];
    private long _nextDue = long.MaxValue;

    public override string MetricName => "step";

    /// <summary>The activities the step stored (its result, once committed).</summary>
    public IReadOnlyList<ActivityWorkItem> Scheduled => _activities;

    public override void Execute(WriteSession session)
    {
        // A batch that failed is retried command by command: start from a clean slate.
        _activities.Clear();
        _nextDue = long.MaxValue;
        var now = session.NowTicks;

        // Its result was applied already, the instance moved on, or a stored message comes first: refuse before writing anything.
        if ((completes is not null && !session.ActivityExists(completes.Id)) || (inline && session.HasVisibleMessage(instanceId, now)))
        {
            throw new WriteRejectedException(new StepConflictException(instanceId));
        }

        if (outcome is not null && expectedVersion is { } version)
        {
            var finished = outcome.IsFinished;
            if (!session.UpdateStep(
                instanceId, version, outcome.Status, plan.ExecutionId, plan.StartsExecution, plan.Input,
                outcome.Output, plan.Terminates, outcome.CustomStatus, outcome.Failure, now, finished ? now : null))
            {
                throw new WriteRejectedException(new StepConflictException(instanceId));
            }
        }

        if (completes is not null)
        {
            session.DeleteActivity(completes.Id);
        }

        foreach (var id in plan.Consumed)
        {
            session.DeleteMessage(id);
        }

        Result = _activities;
        if (outcome is null)
        {
            return;
        }

        if (outcome.ContinueAsNew is { } continueAsNew)
        {
            ContinueAsNew(session, continueAsNew, outcome, now);
            return;
        }

        if (plan.StartsExecution)
        {
            session.DeleteHistory(instanceId);
        }

        var seq = plan.Past.Count;
        foreach (var e in outcome.NewEvents)
        {
            session.InsertHistory(instanceId, seq++, e);
        }

        if (outcome.IsFinished)
        {
            session.DeleteInstanceMessages(instanceId);
            session.DeleteInstanceActivities(instanceId);
            return;
        }

        foreach (var timerId in outcome.CancelledTimers)
        {
            session.DeleteTimerMessage(instanceId, timerId);
        }

        var urgent = plan.NewEvents.Exists(e => e.Kind == HistoryEventKind.EventRaised);
        foreach (var activity in outcome.Activities)
        {
            var taskId = activity.TaskId!.Value;
            var id = session.InsertActivity(instanceId, plan.ExecutionId, taskId, activity.Name!, activity.Data);
            _activities.Add(new ActivityWorkItem(id, instanceId, plan.ExecutionId, taskId, activity.Name!, activity.Data) { Urgent = urgent });
        }

        foreach (var timer in outcome.Timers)
        {
            var due = timer.FireAt!.Value.Ticks;
            session.InsertMessage(new InboxMessage(0, instanceId, MessageKind.TimerFired, due, plan.ExecutionId, timer.TaskId, Data: null));
            _nextDue = Math.Min(_nextDue, due);
        }
    }

    /// <remarks>The new activities are the result: the dispatcher hands them over once it releases the instance.</remarks>
    protected override void OnCommitted()
    {
        if (_nextDue != long.MaxValue)
        {
            signals.MessageDue(instanceId, _nextDue);
        }

        if (outcome?.ContinueAsNew is not null)
        {
            signals.InstanceReady(instanceId);
        }
        else if (outcome?.IsFinished == true)
        {
            signals.InstanceFinished(instanceId);
        }
    }

    private void ContinueAsNew(WriteSession session, ContinueAsNewRequest request, StepOutcome outcome, long now)
    {
        // The old execution's history, pending results and timers go; events not yet delivered stay queued.
        session.DeleteHistory(instanceId);
        session.DeleteTaskMessages(instanceId);
        session.DeleteInstanceActivities(instanceId);
        var executionId = Guid.NewGuid().ToString("N");
        session.InsertMessage(new InboxMessage(0, instanceId, MessageKind.ExecutionStarted, now, executionId, Name: plan.Name, Data: request.Input));
        foreach (var (name, data) in outcome.CarriedOverEvents)
        {
            session.InsertMessage(new InboxMessage(0, instanceId, MessageKind.EventRaised, now, Name: name, Data: data, CarriedOver: true));
        }
    }
}

namespace Broadcast.Durable.Execution;

/// <summary>Durable timers: recorded as actions, stored as due messages, removed when cancelled.</summary>
internal sealed partial class ReplayContext
{
    private Task CreateTimerCore(DateTime fireAt, Action? onFired, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled(cancellationToken);
        }

        var id = _nextTaskId++;
        var dueUtc = fireAt.Kind == DateTimeKind.Local ? fireAt.ToUniversalTime() : DateTime.SpecifyKind(fireAt, DateTimeKind.Utc);
        Record(new HistoryEvent(HistoryEventKind.TimerCreated, CurrentUtcDateTime, id, FireAt: dueUtc));
        var timer = new DurableTimer(id) { OnFired = onFired };
        _openTimers[id] = timer;
        if (cancellationToken.CanBeCanceled)
        {
            timer.Registration = cancellationToken.Register(() => CancelTimer(timer, cancellationToken));
        }

        return timer.Completion.Task;
    }

    private void CancelTimer(DurableTimer timer, CancellationToken cancellationToken)
    {
        if (!OnOrchestrationThread() || !_openTimers.Remove(timer.Id))
        {
            return;
        }

        if (!IsReplaying)
        {
            if (NewActions.Exists(a => a.TaskId == timer.Id))
            {
                DroppedTimers.Add(timer.Id);
            }
            else
            {
                CancelledTimers.Add(timer.Id);
            }
        }

        timer.Completion.TrySetCanceled(cancellationToken);
    }
}

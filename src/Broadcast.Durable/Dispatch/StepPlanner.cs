using Broadcast.Durable.Commands;
using Broadcast.Durable.Storage;

namespace Broadcast.Durable.Dispatch;

/// <summary>
/// Turns an instance's visible messages into the events of its next step: starts an execution, drops
/// stale or duplicate results (an activity that ran twice, a timer of an ended execution), orders
/// carried-over events first and the rest in arrival order, and recognises a termination.
/// </summary>
internal static class StepPlanner
{
    /// <summary>The plan, or null when nothing can be done yet (events waiting for a delayed start).</summary>
    public static StepPlan? Plan(InstanceState state, List<InboxMessage> messages, DateTime now)
    {
        var row = state.Row;
        if (InstanceStatuses.IsFinished(row.Status))
        {
            return Discard(row, messages);
        }

        if (messages.Find(m => m.Kind == MessageKind.Terminate) is { } terminate)
        {
            var plan = new StepPlan { ExecutionId = row.ExecutionId, Name = row.Name, Terminates = true, TerminateOutput = terminate.Data, Past = state.History };
            plan.Consumed.AddRange(messages.Select(m => m.Id));
            return plan;
        }

        var started = state.History.Count > 0;
        var start = started ? null : messages.FindLast(m => m.Kind == MessageKind.ExecutionStarted);
        if (!started && start is null)
        {
            return null;
        }

        var result = new StepPlan
        {
            RunsCode = true,
            ExecutionId = start?.ExecutionId ?? row.ExecutionId,
            Name = start?.Name ?? row.Name,
            StartsExecution = start is not null,
            Input = start?.Data,
            Past = started ? state.History : [],
        };
        result.NewEvents.Add(new HistoryEvent(HistoryEventKind.OrchestratorStarted, now));
        if (start is not null)
        {
            result.NewEvents.Add(new HistoryEvent(HistoryEventKind.ExecutionStarted, now, Name: start.Name, Data: start.Data));
        }

        var known = KnownTasks.From(result.Past);
        var ordered = InArrivalOrder(messages.Where(m => m.Kind != MessageKind.ExecutionStarted));
        result.Consumed.AddRange(messages.Where(m => m.Kind == MessageKind.ExecutionStarted).Select(m => m.Id));
        foreach (var m in ordered)
        {
            result.Consumed.Add(m.Id);
            if (ToEvent(m, result.ExecutionId, known, now) is { } e)
            {
                result.NewEvents.Add(e);
            }
        }

        return result.NewEvents.Count > 1 ? result : DiscardOnly(result);
    }

    /// <summary>
    /// Carried-over events first; then events and results in the order they were stored, with each timer among them
    /// at its due time. By id alone a timer would go first, as its message is stored when the timer is created: a wait
    /// stepped after its timeout together with an event that came in time (after a restart, say) would time out. By
    /// the stored times alone, a clock stepping back could swap two events; so each keeps the latest time stored
    /// before it as its own.
    /// </summary>
    private static List<InboxMessage> InArrivalOrder(IEnumerable<InboxMessage> messages)
    {
        var timers = new List<InboxMessage>();
        var others = new List<(InboxMessage Message, long At)>();
        var latest = long.MinValue;
        foreach (var m in messages.OrderBy(m => m.CarriedOver ? 0 : 1).ThenBy(m => m.Id))
        {
            if (m.CarriedOver)
            {
                others.Add((m, long.MinValue));
            }
            else if (m.Kind == MessageKind.TimerFired)
            {
                timers.Add(m);
            }
            else
            {
                latest = Math.Max(latest, m.VisibleAt);
                others.Add((m, latest));
            }
        }

        var dueOrder = new Queue<InboxMessage>(timers.OrderBy(t => t.VisibleAt).ThenBy(t => t.Id));
        var ordered = new List<InboxMessage>(others.Count + dueOrder.Count);
        foreach (var (message, at) in others)
        {
            // A timer due no later than this message was stored goes before it (a tie keeps the timer first, as by id).
            while (dueOrder.TryPeek(out var timer) && timer.VisibleAt <= at)
            {
                ordered.Add(dueOrder.Dequeue());
            }

            ordered.Add(message);
        }

        ordered.AddRange(dueOrder);
        return ordered;
    }

    private static StepPlan DiscardOnly(StepPlan plan)
    {
        var discard = new StepPlan { ExecutionId = plan.ExecutionId, Name = plan.Name };
        discard.Consumed.AddRange(plan.Consumed);
        return discard;
    }

    private static StepPlan Discard(InstanceRow row, List<InboxMessage> messages)
    {
        var plan = new StepPlan { ExecutionId = row.ExecutionId, Name = row.Name };
        plan.Consumed.AddRange(messages.Select(m => m.Id));
        return plan;
    }

    private static HistoryEvent? ToEvent(InboxMessage m, string executionId, KnownTasks known, DateTime now)
    {
        switch (m.Kind)
        {
            case MessageKind.EventRaised:
                return new HistoryEvent(HistoryEventKind.EventRaised, now, Name: m.Name, Data: m.Data);
            case MessageKind.TaskCompleted or MessageKind.TaskFailed
                when m.ExecutionId == executionId && m.TaskId is { } taskId && known.Scheduled.Contains(taskId) && known.Completed.Add(taskId):
                return m.Kind == MessageKind.TaskCompleted
                    ? new HistoryEvent(HistoryEventKind.TaskCompleted, now, taskId, m.Name, m.Data)
                    : new HistoryEvent(HistoryEventKind.TaskFailed, now, taskId, m.Name, Failure: DurableJson.Deserialize<TaskFailureDetails>(m.Failure));
            case MessageKind.TimerFired
                when m.ExecutionId == executionId && m.TaskId is { } timerId && known.Timers.Contains(timerId) && known.Fired.Add(timerId):
                return new HistoryEvent(HistoryEventKind.TimerFired, now, timerId, FireAt: new DateTime(m.VisibleAt, DateTimeKind.Utc));
            default:
                return null;
        }
    }

    /// <summary>Task and timer ids of an execution, to drop results that do not belong or came twice.</summary>
    private sealed class KnownTasks
    {
        public HashSet<int> Scheduled { get; } = [];

        public HashSet<int> Completed { get; } = [];

        public HashSet<int> Timers { get; } = [];

        public HashSet<int> Fired { get; } = [];

        public static KnownTasks From(IReadOnlyList<HistoryEvent> history)
        {
            var known = new KnownTasks();
            foreach (var e in history)
            {
                if (e.TaskId is not { } id)
                {
                    continue;
                }

                _ = e.Kind switch
                {
                    HistoryEventKind.TaskScheduled => known.Scheduled.Add(id),
                    HistoryEventKind.TaskCompleted or HistoryEventKind.TaskFailed => known.Completed.Add(id),
                    HistoryEventKind.TimerCreated => known.Timers.Add(id),
                    HistoryEventKind.TimerFired => known.Fired.Add(id),
                    _ => false,
                };
            }

            return known;
        }
    }
}

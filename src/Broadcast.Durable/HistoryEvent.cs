namespace Broadcast.Durable;

/// <summary>One entry of an instance's history, as replay reads it and as clients may inspect it.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="Timestamp">When it was recorded (UTC).</param>
/// <param name="TaskId">The activity or timer id the event refers to, when it refers to one.</param>
/// <param name="Name">The activity, event or orchestrator name, or the final status of an ended execution.</param>
/// <param name="Data">The JSON payload: input, result or event data.</param>
/// <param name="Failure">Why something failed, for failure events.</param>
/// <param name="FireAt">When a timer is due (UTC), for timer events.</param>
public sealed record HistoryEvent(
    HistoryEventKind Kind,
    DateTime Timestamp,
    int? TaskId = null,
    string? Name = null,
    string? Data = null,
    TaskFailureDetails? Failure = null,
    DateTime? FireAt = null)
{
    /// <summary>A short description for logs and non-determinism messages.</summary>
    public override string ToString() => Kind switch
    {
        HistoryEventKind.TaskScheduled => $"CallActivity '{Name}' (task {TaskId})",
        HistoryEventKind.TimerCreated => $"CreateTimer (task {TaskId}, due {FireAt:O})",
        HistoryEventKind.TaskCompleted or HistoryEventKind.TaskFailed or HistoryEventKind.TimerFired => $"{Kind} (task {TaskId})",
        HistoryEventKind.EventRaised => $"EventRaised '{Name}'",
        _ => Kind.ToString(),
    };
}

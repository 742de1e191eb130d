namespace Broadcast.Durable;

/// <summary>What a history event records. The numeric values are stored in the database: never renumber.</summary>
public enum HistoryEventKind
{
    /// <summary>A step began; its timestamp is the replay-safe current time of that step.</summary>
    OrchestratorStarted = 1,

    /// <summary>The execution started with its input.</summary>
    ExecutionStarted = 2,

    /// <summary>The orchestration scheduled an activity.</summary>
    TaskScheduled = 3,

    /// <summary>An activity returned a result.</summary>
    TaskCompleted = 4,

    /// <summary>An activity failed.</summary>
    TaskFailed = 5,

    /// <summary>The orchestration created a durable timer.</summary>
    TimerCreated = 6,

    /// <summary>A durable timer fired.</summary>
    TimerFired = 7,

    /// <summary>An external event arrived.</summary>
    EventRaised = 8,

    /// <summary>The execution ended: completed, failed or continued as new.</summary>
    ExecutionCompleted = 9,

    /// <summary>A client terminated the instance.</summary>
    ExecutionTerminated = 10,
}

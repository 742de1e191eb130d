namespace Broadcast.Durable.Execution;

/// <summary>What one orchestration step decided, ready to be committed.</summary>
internal sealed class StepOutcome
{
    public required OrchestrationRuntimeStatus Status { get; init; }

    /// <summary>The events this step appends to history (the step's new events, its actions, its end).</summary>
    public required List<HistoryEvent> NewEvents { get; init; }

    public string? Output { get; init; }

    public TaskFailureDetails? Failure { get; init; }

    public string? CustomStatus { get; init; }

    /// <summary>Activities to run: their TaskScheduled events.</summary>
    public List<HistoryEvent> Activities { get; init; } = [];

    /// <summary>Timers to store as due messages: their TimerCreated events.</summary>
    public List<HistoryEvent> Timers { get; init; } = [];

    /// <summary>Timers of earlier steps whose due messages are deleted.</summary>
    public List<int> CancelledTimers { get; init; } = [];

    /// <summary>Set when the execution restarts with a new input.</summary>
    public ContinueAsNewRequest? ContinueAsNew { get; init; }

    /// <summary>Events handed to the next execution (ContinueAsNew with preserved events).</summary>
    public List<(string Name, string? Data)> CarriedOverEvents { get; init; } = [];

    public bool IsFinished => Status is OrchestrationRuntimeStatus.Completed
        or OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated;
}

namespace Broadcast.Durable.Dispatch;

/// <summary>What one step will do with the instance's visible messages.</summary>
internal sealed class StepPlan
{
    /// <summary>The messages this step consumes (deleted with its commit).</summary>
    public List<long> Consumed { get; } = [];

    /// <summary>False when the messages are only discarded (finished instance, stale results).</summary>
    public bool RunsCode { get; init; }

    /// <summary>Set when a client terminated the instance: no code runs.</summary>
    public string? TerminateOutput { get; init; }

    public bool Terminates { get; init; }

    public required string ExecutionId { get; init; }

    public required string Name { get; init; }

    /// <summary>True when this step starts a new execution (its history starts empty).</summary>
    public bool StartsExecution { get; init; }

    public string? Input { get; init; }

    public IReadOnlyList<HistoryEvent> Past { get; init; } = [];

    /// <summary>This step's events, starting with its OrchestratorStarted.</summary>
    public List<HistoryEvent> NewEvents { get; } = [];
}

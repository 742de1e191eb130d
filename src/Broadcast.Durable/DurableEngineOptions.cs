namespace Broadcast.Durable;

/// <summary>Settings of the embedded engine (configuration section <c>Engine</c> in the host).</summary>
public sealed class DurableEngineOptions
{
    /// <summary>The SQLite database file; its folder is created when missing.</summary>
    public string DatabasePath { get; set; } = "data/durable.db";

    /// <summary>Orchestration steps executed (or committing) at the same time.</summary>
    public int MaxConcurrentOrchestrations { get; set; } = 200;

    /// <summary>Activities running at the same time.</summary>
    public int MaxConcurrentActivities { get; set; } = 100;

    /// <summary>Instances whose history is kept in memory between steps; older ones are reloaded from the database.</summary>
    public int MaxCachedInstances { get; set; } = 5_000;

    /// <summary>Writes (steps, activity results, client commands) committed together in one transaction at most.</summary>
    public int MaxBatchSize { get; set; } = 256;

    /// <summary>
    /// True to flush every commit to disk (SQLite <c>synchronous=FULL</c>): a commit survives a power loss.
    /// False keeps commits safe against a process crash only (<c>synchronous=NORMAL</c>).
    /// </summary>
    public bool DurableCommits { get; set; } = true;

    /// <summary>
    /// True to run an instance's step at once with an activity's result or a client's event when the instance is idle
    /// and cached, and commit the two together, instead of storing the message and reading it back in a later step.
    /// It is one write instead of two; false stores every message first.
    /// </summary>
    public bool InlineSteps { get; set; } = true;

    /// <summary>How often a client waiting for completion re-reads the instance when no signal came.</summary>
    public TimeSpan CompletionPollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The wait before a step whose commit failed is tried again.</summary>
    public TimeSpan StepRetryDelay { get; set; } = TimeSpan.FromSeconds(1);
}

namespace Broadcast.Durable.Execution;

/// <summary>
/// An execution's code suspended between steps: its context, its pending continuations and its task. Kept with the
/// instance's cached history, it lets the next step apply only the new events instead of replaying the whole history,
/// which is where most of a step's CPU and allocations went. Dropped whenever the cache entry is (eviction, a failed
/// commit, the end of the execution); the next step then replays from the stored history as before.
/// </summary>
internal sealed class LiveOrchestration(ReplayContext context, OrchestrationSynchronizationContext sync)
{
    public ReplayContext Context { get; } = context;

    public OrchestrationSynchronizationContext Sync { get; } = sync;

    public OrchestrationExecutor.Run? Run { get; set; }
}

namespace Broadcast.Durable;

/// <summary>Counters of a running engine, for benchmarks and diagnostics.</summary>
/// <param name="StepsCommitted">Orchestration steps committed since start.</param>
/// <param name="StepsInline">Of those, steps run at once with an activity's result or a client's event that was never stored.</param>
/// <param name="ActivitiesCompleted">Activity results recorded since start.</param>
/// <param name="ActivitiesRunning">Activities running now.</param>
/// <param name="InstancesQueued">Instances waiting for a free orchestration worker.</param>
/// <param name="CachedInstances">Instance histories held in memory.</param>
/// <param name="Transactions">Write transactions committed since start (several steps may share one).</param>
public sealed record EngineStatistics(
    long StepsCommitted,
    long StepsInline,
    long ActivitiesCompleted,
    int ActivitiesRunning,
    int InstancesQueued,
    int CachedInstances,
    long Transactions);

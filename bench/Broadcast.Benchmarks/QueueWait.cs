namespace Broadcast.Benchmarks;

/// <summary>One of the engine's queues during a run: p50 and p99 of its waits in ms, and how many waited there.</summary>
internal sealed record QueueWait(string Stage, double P50Ms, double P99Ms, int Count);

namespace Broadcast.Benchmarks;

/// <summary>One concurrency level: the orchestrated run, the plain loop, their ratio and the join-to-push latency.</summary>
internal sealed record LevelFigures(
    int Concurrency,
    int Sessions,
    double OrchestratedPerSecond,
    double PlainPerSecond,
    double Ratio,
    double JoinToPushP50Ms,
    double JoinToPushP99Ms,
    double JoinToPushMaxMs)
{
    /// <summary>Medians of the session's parts (create and signal calls, signal until live, cancel until done), in ms.</summary>
    public double[] PhaseMediansMs { get; init; } = [];

    /// <summary>The engine's queue waits during the orchestrated run (see <see cref="EngineQueues"/>).</summary>
    public IReadOnlyList<QueueWait> EngineQueues { get; init; } = [];

    public static LevelFigures From(RunFigures orchestrated, RunFigures plain) => new(
        orchestrated.Concurrency,
        orchestrated.Sessions,
        Math.Round(orchestrated.PerSecond, 1),
        Math.Round(plain.PerSecond, 1),
        Math.Round(orchestrated.Elapsed / plain.Elapsed, 2),
        Math.Round(Percentiles.Of(orchestrated.JoinToPushMs, 50), 1),
        Math.Round(Percentiles.Of(orchestrated.JoinToPushMs, 99), 1),
        Math.Round(orchestrated.JoinToPushMs.Max(), 1))
    {
        PhaseMediansMs =
        [
            Math.Round(Percentiles.Of([.. orchestrated.Phases.Select(p => p.CreateAndSignalMs)], 50), 1),
            Math.Round(Percentiles.Of([.. orchestrated.Phases.Select(p => p.SignalToLiveMs)], 50), 1),
            Math.Round(Percentiles.Of([.. orchestrated.Phases.Select(p => p.CancelToDoneMs)], 50), 1),
        ],
    };
}

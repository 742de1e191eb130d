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

    /// <summary>Each back-to-back pair's ratio of orchestrated time to plain time, in the order measured.</summary>
    public IReadOnlyList<double> PairRatios { get; init; } = [];

    /// <summary>
    /// The level from its pairs: sessions/s and the ratio are medians over the pairs (each ratio from one pair's two runs),
    /// latencies and session parts are pooled over every orchestrated session.
    /// </summary>
    public static LevelFigures From(IReadOnlyList<RunFigures> orchestrated, IReadOnlyList<RunFigures> plain)
    {
        var ratios = orchestrated.Zip(plain, (o, p) => Math.Round(o.Elapsed / p.Elapsed, 2)).ToList();
        var latencies = orchestrated.SelectMany(run => run.JoinToPushMs).ToList();
        var phases = orchestrated.SelectMany(run => run.Phases).ToList();
        return new(
            orchestrated[0].Concurrency,
            orchestrated.Sum(run => run.Sessions),
            Math.Round(Percentiles.Of([.. orchestrated.Select(run => run.PerSecond)], 50), 1),
            Math.Round(Percentiles.Of([.. plain.Select(run => run.PerSecond)], 50), 1),
            Math.Round(Percentiles.Of([.. ratios], 50), 2),
            Math.Round(Percentiles.Of(latencies, 50), 1),
            Math.Round(Percentiles.Of(latencies, 99), 1),
            Math.Round(latencies.Max(), 1))
        {
            PairRatios = ratios,
            PhaseMediansMs =
            [
                Math.Round(Percentiles.Of([.. phases.Select(p => p.CreateAndSignalMs)], 50), 1),
                Math.Round(Percentiles.Of([.. phases.Select(p => p.SignalToLiveMs)], 50), 1),
                Math.Round(Percentiles.Of([.. phases.Select(p => p.CancelToDoneMs)], 50), 1),
            ],
        };
    }
}

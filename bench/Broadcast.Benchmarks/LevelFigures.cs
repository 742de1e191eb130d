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

    /// <summary>Sessions/s of the API floor (see <see cref="ApiFloorRun"/>), the median of its runs.</summary>
    public double FloorPerSecond { get; init; }

    /// <summary>The floor's time against the plain loop's, the median over the pairs: the least ratio a design with this API could reach.</summary>
    public double FloorRatio { get; init; }

    /// <summary>Each pair's floor ratio, in the order measured.</summary>
    public IReadOnlyList<double> FloorPairRatios { get; init; } = [];

    /// <summary>
    /// The level from its pairs: sessions/s and the ratios are medians over the pairs (each ratio from one pair's runs),
    /// latencies and session parts are pooled over every orchestrated session.
    /// </summary>
    public static LevelFigures From(IReadOnlyList<RunFigures> orchestrated, IReadOnlyList<RunFigures> plain, IReadOnlyList<RunFigures> floor)
    {
        var ratios = RatiosTo(plain, orchestrated);
        var floorRatios = RatiosTo(plain, floor);
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
            FloorPerSecond = Math.Round(Percentiles.Of([.. floor.Select(run => run.PerSecond)], 50), 1),
            FloorRatio = Math.Round(Percentiles.Of([.. floorRatios], 50), 2),
            FloorPairRatios = floorRatios,
            PhaseMediansMs =
            [
                Math.Round(Percentiles.Of([.. phases.Select(p => p.CreateAndSignalMs)], 50), 1),
                Math.Round(Percentiles.Of([.. phases.Select(p => p.SignalToLiveMs)], 50), 1),
                Math.Round(Percentiles.Of([.. phases.Select(p => p.CancelToDoneMs)], 50), 1),
            ],
        };
    }

    /// <summary>Each pair's time of <paramref name="runs"/> against its plain loop's.</summary>
    private static List<double> RatiosTo(IReadOnlyList<RunFigures> plain, IReadOnlyList<RunFigures> runs) =>
        runs.Zip(plain, (run, baseline) => Math.Round(run.Elapsed / baseline.Elapsed, 2)).ToList();
}

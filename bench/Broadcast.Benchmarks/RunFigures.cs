namespace Broadcast.Benchmarks;

/// <summary>What one run measured: sessions done, wall time, and per-session join-to-push latencies (empty for the plain loop and the floor).</summary>
internal sealed record RunFigures(int Sessions, int Concurrency, TimeSpan Elapsed, IReadOnlyList<double> JoinToPushMs)
{
    public double PerSecond => Sessions / Elapsed.TotalSeconds;

    /// <summary>Per session, how long its parts took (empty for the plain loop and the floor).</summary>
    public IReadOnlyList<SessionPhases> Phases { get; init; } = [];

    /// <summary>What the run cost the process per session.</summary>
    public RunCost? Cost { get; init; }
}

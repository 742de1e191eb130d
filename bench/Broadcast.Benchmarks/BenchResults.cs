using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace Broadcast.Benchmarks;

/// <summary>Everything one benchmark run measured, with the machine and the targets; written as JSON and CSV.</summary>
internal sealed record BenchResults(
    DateTimeOffset Date,
    string Mode,
    string Machine,
    string Hosting,
    IReadOnlyList<LevelFigures> Levels,
    PacedFigures? Paced,
    MemoryFigures Memory,
    IReadOnlyList<TargetCheck> Targets)
{
    public const string HostingNote =
        "sessions/s, latency and ratio: the host built in-process (HTTP API on a loopback port, SQLite file, durable commits on) " +
        "with the simulator in-process on its own loopback port, driven over HTTP; memory: the host as its own process (dotnet Broadcast.Host.dll)";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static string DescribeMachine() => string.Create(CultureInfo.InvariantCulture,
        $"{Environment.ProcessorCount} cores, {MemoryGiB():0.#} GiB RAM, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, " +
        $"load average {LoadAverage()} at the end");

    /// <summary>The 1, 5 and 15 minute load averages: on a shared machine they say how much of it the benchmark had.</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    public static IReadOnlyList<TargetCheck> Check(IReadOnlyList<LevelFigures> levels, PacedFigures? paced, MemoryFigures memory, bool quick)
    {
        var top = levels.MaxBy(level => level.Concurrency)!;
        var atTop = top.Concurrency >= 1000 ? null : $"measured at {top.Concurrency} concurrent; the target is at 1,000";
        var checks = new List<TargetCheck>
        {
            new("full sessions/s at 1,000 concurrent", ">= 200/s", $"{top.OrchestratedPerSecond:0.#}/s", top.OrchestratedPerSecond >= 200, atTop),
            new("join -> push p99, closed loop (as fast as it goes)", "<= 100 ms", $"{levels.Max(l => l.JoinToPushP99Ms):0.#} ms (worst level)", levels.All(l => l.JoinToPushP99Ms <= 100),
                "every request queues behind the other sessions' work; see the paced run for a stated load"),
            new("orchestrated / plain loop", "<= 3x", $"{top.Ratio:0.##}x", top.Ratio <= 3, atTop),
            new($"host RSS, {memory.Waiting:N0} sessions waiting", "<= 300 MB (10,000 waiting)", $"{memory.WaitingResidentBytes / 1e6:0} MB",
                memory.WaitingResidentBytes <= 300e6 && memory.VerifiedWaiting == memory.Waiting,
                memory.Waiting == 10_000 ? null : $"measured with {memory.Waiting:N0} waiting"),
        };
        if (paced is not null)
        {
            checks.Insert(2, new(
                $"join -> push p99, paced: {paced.Concurrency:N0} in flight, {paced.RatePerSecond:0} arriving/s",
                "<= 100 ms",
                $"{paced.JoinToPushP99Ms:0.#} ms ({paced.ArrivalsPerSecond:0.#} arrivals/s kept, at least {paced.MinInFlight:N0} in flight)",
                paced.JoinToPushP99Ms <= 100,
                paced.Concurrency >= 1000 ? null : $"measured at {paced.Concurrency} in flight; the target is at 1,000"));
        }

        return quick ? [.. checks.Select(c => c with { Note = "quick mode: " + (c.Note ?? "small run") })] : checks;
    }

    public async Task WriteAsync(string folder)
    {
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "benchmark.json"), JsonSerializer.Serialize(this, Json));
        // Closed-loop levels, then the paced run (its sessions/s is the arrival rate it kept; it has no plain loop and no floor).
        var csv = new List<string> { "run,concurrency,sessions,orchestrated_per_s,plain_per_s,ratio,join_push_p50_ms,join_push_p99_ms,join_push_max_ms,pair_ratios,floor_per_s,floor_ratio" };
        csv.AddRange(Levels.Select(l => string.Create(CultureInfo.InvariantCulture,
            $"closed,{l.Concurrency},{l.Sessions},{l.OrchestratedPerSecond},{l.PlainPerSecond},{l.Ratio},{l.JoinToPushP50Ms},{l.JoinToPushP99Ms},{l.JoinToPushMaxMs},{string.Join(';', l.PairRatios)},{l.FloorPerSecond},{l.FloorRatio}")));
        if (Paced is { } p)
        {
            csv.Add(string.Create(CultureInfo.InvariantCulture,
                $"paced,{p.Concurrency},{p.Sessions},{p.ArrivalsPerSecond},,,{p.JoinToPushP50Ms},{p.JoinToPushP99Ms},{p.JoinToPushMaxMs},,,"));
        }

        await File.WriteAllLinesAsync(Path.Combine(folder, "benchmark.csv"), csv);
    }

    private static double MemoryGiB() => GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024);
}

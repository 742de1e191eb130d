using System.Globalization;

namespace Broadcast.Benchmarks;

/// <summary>The figures on the console.</summary>
internal static class Report
{
    public static void Print(BenchResults results)
    {
        Console.WriteLine();
        Console.WriteLine($"Broadcast end-to-end benchmark ({results.Mode}), {results.Date:yyyy-MM-dd HH:mm} UTC");
        Console.WriteLine($"  machine  {results.Machine}");
        Console.WriteLine($"  hosting  {results.Hosting}");
        Console.WriteLine();
        Console.WriteLine("  concurrency  sessions  orchestrated/s  plain/s  ratio  API floor/s  floor ratio  join->push p50  p99      max       ratio of each pair");
        foreach (var l in results.Levels)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {l.Concurrency,11}  {l.Sessions,8}  {l.OrchestratedPerSecond,14:0.0}  {l.PlainPerSecond,7:0.0}  {l.Ratio,5:0.00}  {l.FloorPerSecond,11:0.0}  {l.FloorRatio,11:0.00}  {l.JoinToPushP50Ms,11:0.0} ms  {l.JoinToPushP99Ms,5:0.0} ms  {l.JoinToPushMaxMs,5:0.0} ms  {string.Join(", ", l.PairRatios.Select(r => r.ToString("0.00", CultureInfo.InvariantCulture)))}"));
        }

        if (results.Paced is { } p)
        {
            Console.WriteLine();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  paced: {p.Concurrency} in flight, {p.RatePerSecond:0} arriving/s ({p.ArrivalsPerSecond:0.0} kept; {p.MinInFlight} to {p.MedianInFlight} in flight at each arrival), " +
                $"{p.Sessions} measured: join->push p50 {p.JoinToPushP50Ms:0.0} ms, p99 {p.JoinToPushP99Ms:0.0} ms, max {p.JoinToPushMaxMs:0.0} ms"));
        }

        var m = results.Memory;
        Console.WriteLine();
        Console.WriteLine($"  host RSS: idle {m.IdleResidentBytes / 1e6:0} MB; with {m.Waiting:N0} sessions waiting for their join signal " +
                          $"{m.WaitingResidentBytes / 1e6:0} MB (peak {m.PeakResidentBytes / 1e6:0} MB; {m.VerifiedWaiting:N0} verified waiting)");
        Console.WriteLine();
        foreach (var t in results.Targets)
        {
            Console.WriteLine($"  [{(t.Met ? "MET " : "MISS")}] {t.Name}: {t.Measured} (target {t.Target}){(t.Note is null ? "" : $" — {t.Note}")}");
        }
    }
}

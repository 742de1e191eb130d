using System.Diagnostics;

namespace Broadcast.Durable.Benchmarks;

/// <summary>
/// Dispatch latency with <c>concurrency</c> instances in flight: all are started and wait for their event;
/// then the events are raised one after another while the instances that already got theirs run their
/// activity chains. Measured from the raise call to the step that sees the event.
/// </summary>
internal static class LatencyBenchmark
{
    public static async Task<string> RunAsync(string folder, int concurrency)
    {
        await using var bench = await BenchEngine.StartAsync(Path.Combine(folder, "latency.db")).ConfigureAwait(false);
        var stepsBefore = bench.Engine.Statistics.StepsCommitted;
        var ids = await Task.WhenAll(Enumerable.Range(0, concurrency)
            .Select(i => bench.Client.ScheduleNewOrchestrationInstanceAsync("Chain", i))).ConfigureAwait(false);
        while (bench.Engine.Statistics.StepsCommitted - stepsBefore < concurrency)
        {
            await Task.Delay(10).ConfigureAwait(false);
        }

        BenchEngine.Dispatch.Clear();
        foreach (var id in ids)
        {
            await bench.Client.RaiseEventAsync(id, "go", Stopwatch.GetTimestamp()).ConfigureAwait(false);
        }

        await Task.WhenAll(ids.Select(id => bench.Client.WaitForInstanceCompletionAsync(id))).ConfigureAwait(false);
        return string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{concurrency} instances in flight, {BenchEngine.Dispatch.Count} events: event->step p50 {BenchEngine.Dispatch.PercentileMs(50):F2} ms, " +
            $"p99 {BenchEngine.Dispatch.PercentileMs(99):F2} ms, max {BenchEngine.Dispatch.PercentileMs(100):F2} ms");
    }
}

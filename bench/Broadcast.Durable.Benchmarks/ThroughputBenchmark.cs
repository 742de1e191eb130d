using System.Diagnostics;

namespace Broadcast.Durable.Benchmarks;

/// <summary>
/// Instances of "wait for an event, then a chain of four activities", kept <c>concurrency</c> in flight:
/// each is scheduled, gets its event, and is awaited to completion before the next one starts.
/// </summary>
internal static class ThroughputBenchmark
{
    public static async Task<string> RunAsync(string folder, int concurrency, int total)
    {
        await using var bench = await BenchEngine.StartAsync(Path.Combine(folder, $"throughput-{concurrency}.db")).ConfigureAwait(false);
        BenchEngine.Dispatch.Clear();
        var stepsBefore = bench.Engine.Statistics.StepsCommitted;
        var commitsBefore = bench.Engine.Statistics.Transactions;
        var started = Stopwatch.StartNew();
        using var slots = new SemaphoreSlim(concurrency);
        var running = new List<Task>(total);
        for (var i = 0; i < total; i++)
        {
            await slots.WaitAsync().ConfigureAwait(false);
            running.Add(RunOneAsync(bench.Client, i, slots));
        }

        await Task.WhenAll(running).ConfigureAwait(false);
        var seconds = started.Elapsed.TotalSeconds;
        var steps = bench.Engine.Statistics.StepsCommitted - stepsBefore;
        var commits = bench.Engine.Statistics.Transactions - commitsBefore;
        return string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"concurrency {concurrency,5}: {total,6} instances in {seconds,6:F2} s = {total / seconds,8:F0} instances/s, {steps / seconds,8:F0} steps/s " +
            $"({steps / (double)total:F1} steps/instance, {steps / (double)Math.Max(commits, 1):F1} steps/transaction); " +
            $"event->step p50 {BenchEngine.Dispatch.PercentileMs(50):F2} ms, p99 {BenchEngine.Dispatch.PercentileMs(99):F2} ms");
    }

    private static async Task RunOneAsync(DurableOrchestrationClient client, int i, SemaphoreSlim slots)
    {
        try
        {
            var id = await client.ScheduleNewOrchestrationInstanceAsync("Chain", i).ConfigureAwait(false);
            await client.RaiseEventAsync(id, "go", Stopwatch.GetTimestamp()).ConfigureAwait(false);
            var done = await client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true).ConfigureAwait(false);
            if (done.ReadOutputAs<int>() != i + 4)
            {
                throw new InvalidOperationException($"Instance {id} returned {done.SerializedOutput}, expected {i + 4}.");
            }
        }
        finally
        {
            slots.Release();
        }
    }
}

using System.Diagnostics;

namespace Broadcast.Durable.Benchmarks;

/// <summary>Resident memory of an engine process with many instances started and waiting for an event (child process).</summary>
internal static class WaitingMemoryBenchmark
{
    public static async Task<string> RunChildAsync(string databasePath, int count)
    {
        await using var bench = await BenchEngine.StartAsync(databasePath).ConfigureAwait(false);
        var started = Stopwatch.StartNew();
        const int chunk = 2_000;
        for (var offset = 0; offset < count; offset += chunk)
        {
            var size = Math.Min(chunk, count - offset);
            await Task.WhenAll(Enumerable.Range(offset, size).Select(i => bench.Client.ScheduleNewOrchestrationInstanceAsync(
                "Waiter", i, new StartOrchestrationOptions($"waiting-{i:D6}")))).ConfigureAwait(false);
        }

        while (bench.Engine.Statistics.StepsCommitted < count)
        {
            await Task.Delay(50).ConfigureAwait(false);
        }

        var elapsed = started.Elapsed.TotalSeconds;
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        return string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{count} instances started and waiting in {elapsed:F1} s: RSS {self.WorkingSet64 / 1048576.0:F0} MB " +
            $"(managed heap {GC.GetTotalMemory(false) / 1048576.0:F0} MB, cached histories {bench.Engine.Statistics.CachedInstances})");
    }
}

using System.Diagnostics;

namespace Broadcast.Durable.Benchmarks;

/// <summary>
/// Recovery after SIGKILL: a child process starts many instances whose activities are slow and is
/// killed while they are all in flight; a second child restarts on the same file and reports when
/// every instance has made progress again.
/// </summary>
internal static class RecoveryBenchmark
{
    public static async Task<string> RunAsync(string folder, int count)
    {
        var database = Path.Combine(folder, "recovery.db");
        using (var load = ChildProcess.Start("recovery-load", database, count))
        {
            await load.WaitForLineAsync("IN FLIGHT", TimeSpan.FromMinutes(5)).ConfigureAwait(false);
            load.Kill();
        }

        using var resume = ChildProcess.Start("recovery-resume", database, count);
        var report = await resume.WaitForLineAsync("RECOVERED", TimeSpan.FromMinutes(5)).ConfigureAwait(false);
        return report;
    }

    /// <summary>Child: start <paramref name="count"/> instances with slow activities; say when all are in flight.</summary>
    public static async Task LoadChildAsync(string databasePath, int count)
    {
        BenchEngine.SlowActivity = TimeSpan.FromMinutes(10);
        var bench = await BenchEngine.StartAsync(databasePath).ConfigureAwait(false);
        await Task.WhenAll(Enumerable.Range(0, count).Select(i =>
            bench.Client.ScheduleNewOrchestrationInstanceAsync("Recoverable", i, new StartOrchestrationOptions($"recover-{i:D5}")))).ConfigureAwait(false);
        while (bench.Engine.Statistics.StepsCommitted < count)
        {
            await Task.Delay(20).ConfigureAwait(false);
        }

        Console.WriteLine("IN FLIGHT");
        await Task.Delay(Timeout.Infinite).ConfigureAwait(false);
    }

    /// <summary>Child: restart on the killed file; report when every instance has run a new step.</summary>
    public static async Task<string> ResumeChildAsync(string databasePath, int count)
    {
        _ = ProgressTracker.ProcessStart;
        var bench = await BenchEngine.StartAsync(databasePath).ConfigureAwait(false);
        var startedMs = Stopwatch.GetElapsedTime(ProgressTracker.ProcessStart).TotalMilliseconds;
        var deadline = Stopwatch.StartNew();
        while (BenchEngine.Progress.Count < count && deadline.Elapsed < TimeSpan.FromMinutes(4))
        {
            await Task.Delay(5).ConfigureAwait(false);
        }

        var report = string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"RECOVERED {BenchEngine.Progress.Count}/{count} in-flight instances progressing again: engine started {startedMs:F0} ms after process start, " +
            $"first progress at {BenchEngine.Progress.FirstMs:F0} ms, all at {BenchEngine.Progress.LastMs:F0} ms");
        await bench.DisposeAsync().ConfigureAwait(false);
        return report;
    }
}

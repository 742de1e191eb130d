using System.Globalization;
using Broadcast.Durable.Benchmarks;

// The embedded engine's benchmark. `dotnet run -c Release --project bench/Broadcast.Durable.Benchmarks [-- --quick]`
if (args is ["--child", var mode, var database, var countText])
{
    var count = int.Parse(countText, CultureInfo.InvariantCulture);
    switch (mode)
    {
        case "waiting":
            Console.WriteLine("RESULT " + await WaitingMemoryBenchmark.RunChildAsync(database, count));
            return 0;
        case "recovery-load":
            await RecoveryBenchmark.LoadChildAsync(database, count);
            return 0;
        case "recovery-resume":
            Console.WriteLine(await RecoveryBenchmark.ResumeChildAsync(database, count));
            return 0;
        default:
            await Console.Error.WriteLineAsync($"Unknown child mode '{mode}'.");
            return 2;
    }
}

if (args is ["--throughput", var concurrencyText, var totalText])
{
    // One throughput run, for tuning.
    var folderOne = Path.Combine(Path.GetTempPath(), "durable-bench-" + Guid.NewGuid().ToString("N"));
    Directory.CreateDirectory(folderOne);
    Console.WriteLine("warm-up: " + await ThroughputBenchmark.RunAsync(folderOne, 100, 2000));
    Console.WriteLine(await ThroughputBenchmark.RunAsync(folderOne, int.Parse(concurrencyText, CultureInfo.InvariantCulture), int.Parse(totalText, CultureInfo.InvariantCulture)));
    Directory.Delete(folderOne, recursive: true);
    return 0;
}

var quick = args.Contains("--quick");
var folder = Path.Combine(Path.GetTempPath(), "durable-bench-" + Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(folder);
try
{
    Console.WriteLine($"Broadcast.Durable benchmark ({(quick ? "quick" : "full")}), {Environment.ProcessorCount} cores, durable commits (each flushed to disk before it is answered), database in {folder}");
    Console.WriteLine("Throughput: wait for an event, then a chain of 4 activities");
    foreach (var (concurrency, total) in quick ? new[] { (1, 50), (100, 500), (1000, 2000) } : [(1, 200), (100, 3000), (1000, 10000)])
    {
        Console.WriteLine("  " + await ThroughputBenchmark.RunAsync(folder, concurrency, total));
    }

    Console.WriteLine("Dispatch latency, event raised -> orchestration step executed");
    Console.WriteLine("  " + await LatencyBenchmark.RunAsync(folder, 1000));

    var waiting = quick ? 20_000 : 100_000;
    Console.WriteLine("Memory with instances waiting for an event (child process)");
    using (var child = ChildProcess.Start("waiting", Path.Combine(folder, "waiting.db"), waiting))
    {
        Console.WriteLine("  " + (await child.WaitForLineAsync("RESULT ", TimeSpan.FromMinutes(10)))["RESULT ".Length..]);
    }

    var inFlight = quick ? 2_000 : 10_000;
    Console.WriteLine("Recovery after SIGKILL (child processes)");
    Console.WriteLine("  " + await RecoveryBenchmark.RunAsync(folder, inFlight));
    return 0;
}
finally
{
    Directory.Delete(folder, recursive: true);
}

using Broadcast.Benchmarks;

BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}

var levels = new List<LevelFigures>();
foreach (var concurrency in options.Levels)
{
    var sessions = options.SessionsAt(concurrency);
    var warmup = options.WarmupAt(concurrency);
    Console.WriteLine($"Concurrency {concurrency}: warm-up rounds of {warmup} orchestrated, {warmup} plain and {warmup} API floor sessions until compiling settles, " +
                      $"then {options.Pairs} pair(s) of {sessions} orchestrated and {sessions} in the plain loop, back to back, each followed by {sessions} on the API floor");
    await using var host = await InProcessHost.StartAsync(options.Settings);
    await using var plain = new PlainRun(host);
    await using var floor = await ApiFloorRun.StartAsync();
    await Warmup.RunAsync(host, plain, floor, concurrency, warmup, options.MaxWarmupRounds);
    var orchestrated = new List<RunFigures>();
    var baselines = new List<RunFigures>();
    var floors = new List<RunFigures>();
    IReadOnlyList<QueueWait> queues;
    // The plain loop and the floor do not touch the engine, so one listener sees only the orchestrated runs' waits.
    using (var listener = EngineQueues.Start())
    {
        for (var pair = 0; pair < options.Pairs; pair++)
        {
            var run = await OrchestratedRun.RunAsync(host, $"run{pair}", pair * sessions, sessions, concurrency);
            var baseline = await plain.RunAsync(host, 3_000_000 + (pair * sessions), sessions, concurrency);
            var bare = await floor.RunAsync(host, plain, 5_000_000 + (pair * sessions), sessions, concurrency);
            orchestrated.Add(run);
            baselines.Add(baseline);
            floors.Add(bare);
            Console.WriteLine($"  pair {pair + 1}: {run.PerSecond:0.0} sessions/s orchestrated, {baseline.PerSecond:0.0}/s plain, ratio {run.Elapsed / baseline.Elapsed:0.00}; " +
                              $"API floor {bare.PerSecond:0.0}/s, ratio {bare.Elapsed / baseline.Elapsed:0.00}");
        }

        queues = listener.Waits();
    }

    if (options.Trace)
    {
        await Trace.PrintAsync(host, "run0", sessions / 2);
    }

    host.ThrowIfAnythingLive();

    var level = LevelFigures.From(orchestrated, baselines, floors) with { EngineQueues = queues };
    levels.Add(level);
    Console.WriteLine($"  {level.OrchestratedPerSecond:0.0} sessions/s orchestrated, {level.PlainPerSecond:0.0}/s plain (medians), " +
                      $"ratio {level.Ratio:0.00} (median of {string.Join(", ", level.PairRatios.Select(r => r.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)))}), " +
                      $"API floor {level.FloorPerSecond:0.0}/s, ratio {level.FloorRatio:0.00}; join->push p50 {level.JoinToPushP50Ms:0.0} ms, p99 {level.JoinToPushP99Ms:0.0} ms; " +
                      $"median session: create+signal {level.PhaseMediansMs[0]:0} ms, signal->live {level.PhaseMediansMs[1]:0} ms, cancel->done {level.PhaseMediansMs[2]:0} ms");
    Console.WriteLine($"  cost (mean of the pairs): orchestrated {RunCost.Mean([.. orchestrated.Select(r => r.Cost!)])}; plain {RunCost.Mean([.. baselines.Select(r => r.Cost!)])}; " +
                      $"API floor {RunCost.Mean([.. floors.Select(r => r.Cost!)])}");
    Console.WriteLine(EngineQueues.Describe(queues));
}

PacedFigures? paced = null;
if (options.Paced is var (pacedConcurrency, rate))
{
    var measured = options.PacedSessions(pacedConcurrency);
    Console.WriteLine($"Paced: {pacedConcurrency} sessions in flight, {rate:0} arriving per second, each live until {pacedConcurrency / rate:0.#} s after it arrived; " +
                      $"{pacedConcurrency} to ramp up, then {measured} measured");
    await using var host = await InProcessHost.StartAsync(options.Settings);
    paced = await PacedRun.RunAsync(host, 0, pacedConcurrency, rate, measured);
    host.ThrowIfAnythingLive();

    Console.WriteLine($"  {paced.ArrivalsPerSecond:0.0} arrivals/s kept, {paced.MinInFlight} to {paced.MedianInFlight} (median) in flight at each arrival, " +
                      $"median session {paced.MedianLifetimeMs / 1000:0.00} s; join->push p50 {paced.JoinToPushP50Ms:0.0} ms, p99 {paced.JoinToPushP99Ms:0.0} ms, max {paced.JoinToPushMaxMs:0.0} ms");
}

Console.WriteLine($"Memory: {options.Waiting:N0} sessions waiting for their join signal in a host process of its own");
var memory = await MemoryRun.RunAsync(options.Waiting, options.Settings);

var results = new BenchResults(
    DateTimeOffset.UtcNow,
    (options.Quick ? "quick" : "full") + (options.Settings.Count == 0 ? "" : " with " + string.Join(", ", options.Settings.Select(s => $"{s.Key}={s.Value}"))),
    BenchResults.DescribeMachine(),
    BenchResults.HostingNote,
    levels,
    paced,
    memory,
    BenchResults.Check(levels, paced, memory, options.Quick));
Report.Print(results);
var folder = options.OutputDirectory ?? Path.Combine(Environment.CurrentDirectory, "benchmark-results", options.Quick ? "quick" : "full");
await results.WriteAsync(folder);
Console.WriteLine();
Console.WriteLine($"Figures written to {Path.Combine(folder, "benchmark.json")} and benchmark.csv");
return 0;

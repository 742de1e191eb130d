using System.Diagnostics;
using Broadcast.Durable;
using Broadcast.Sessions;

namespace Broadcast.CrashSuite;

/// <summary>One run: start Azurite, the simulator (random faults on) and the host; play the plan while killing the host; check.</summary>
internal sealed class CrashRun(SuiteOptions options, string folder, TimeProvider time)
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    /// <returns>The violations found; empty when every promise held.</returns>
    public async Task<IReadOnlyList<Violation>> RunAsync(CancellationToken cancellationToken)
    {
        var plan = RunPlan.Create(options);
        var elapsed = Stopwatch.StartNew();
        Console.WriteLine($"Starting Azurite, the simulator (faults at rate {options.FaultRate}, seed {options.Seed}) and the host in {folder}");
        await using var azurite = await Azurite.StartAsync(folder, cancellationToken);
        await using var simulator = await SimulatorProcess.StartAsync(folder, cancellationToken);
        await simulator.SetRandomFaultsAsync(options.FaultRate, options.Seed, cancellationToken);
        var queues = new QueueSender(azurite.ConnectionString);
        await queues.CreateQueuesAsync(cancellationToken);
        await using var host = new HostProcess(folder, simulator.BaseUrl, azurite.ConnectionString, time);
        await host.StartAsync(cancellationToken);
        using var api = new HostApi(host, Patience);
        Console.WriteLine($"Ready after {elapsed.Elapsed.TotalSeconds:0.0} s: host {host.BaseUrl}, simulator {simulator.BaseUrl}");
        Console.WriteLine($"Driving {options.Sessions} sessions over {plan.CreationWindow.TotalSeconds:0} s; {options.Kills} kills at " +
                          string.Join(", ", plan.Kills.Select(kill => $"{kill.TotalSeconds:0.0}s")));

        var start = time.GetUtcNow();
        var driver = new Driver(plan, api, queues, simulator, time);
        var killer = new Killer(plan, host, simulator, time);
        using var stopProgress = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var progress = new Progress(driver, killer, api, options.Sessions, options.Kills, time).RunAsync(start, stopProgress.Token);
        await Task.WhenAll(driver.RunAsync(start, cancellationToken), killer.RunAsync(start, cancellationToken));
        Console.WriteLine($"  [{Clock.Since(start, time)}] every session requested, every signal sent, every kill done; waiting for the sessions to end");
        Console.WriteLine("  aimed kills: " + string.Join(", ", killer.Aims.Select(aim => $"{aim.Value.Landed} of {aim.Value.Aimed} at {aim.Key} landed while its answer was held")));

        var sessions = await WaitForOutcomesAsync(api, plan, start, elapsed, cancellationToken);
        await stopProgress.CancelAsync();
        await progress;

        var evidence = new Evidence(
            driver.Traces,
            sessions,
            await simulator.LiveAsync(cancellationToken),
            await simulator.CallsAsync(cancellationToken),
            await ReadPoisonAsync(queues.SessionRequestsPoison, cancellationToken),
            await ReadPoisonAsync(queues.UserJoinedPoison, cancellationToken));
        var violations = Checks.Run(evidence, host, killer, options);
        Summary.Print(options, evidence, violations, host, api, elapsed.Elapsed);
        return violations;
    }

    /// <summary>Lists the host's sessions until every planned one has a result, or the run's time is up.</summary>
    private async Task<IReadOnlyList<SessionView>> WaitForOutcomesAsync(
        HostApi api, RunPlan plan, DateTimeOffset start, Stopwatch elapsed, CancellationToken cancellationToken)
    {
        var planned = plan.Sessions.Select(session => session.SessionId).ToHashSet(StringComparer.Ordinal);
        while (true)
        {
            var views = await api.ListAllAsync(cancellationToken);
            var finished = views.Count(view => view.Result is not null && planned.Contains(view.Id));
            if (finished == planned.Count || elapsed.Elapsed > options.Timeout)
            {
                Console.WriteLine($"  [{Clock.Since(start, time)}] {finished}/{planned.Count} sessions finished: {Progress.Describe(views)}");
                return views;
            }

            await Task.Delay(TimeSpan.FromSeconds(2), time, cancellationToken);
        }
    }

    private static async Task<IReadOnlyList<PoisonRecord>> ReadPoisonAsync(Azure.Storage.Queues.QueueClient queue, CancellationToken cancellationToken) =>
        [.. (await QueueSender.DrainAsync(queue, cancellationToken)).Select(text =>
            DurableJson.Deserialize<PoisonRecord>(text) ?? throw new InvalidOperationException($"A {queue.Name} message is not a poison record: {text}"))];
}

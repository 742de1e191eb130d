using Broadcast.Durable;
using Broadcast.Durable.CrashWorker;
using Microsoft.Extensions.DependencyInjection;

// A child process for the crash tests: runs the engine on a given file with a chain of activities and a
// durable timer per instance, and is killed (SIGKILL) by the test at awkward moments.
// Usage: CrashWorker <database> <effects file> <instances> [--schedule]
if (args.Length < 3 || !int.TryParse(args[2], out var count) || count < 1)
{
    await Console.Error.WriteLineAsync("usage: CrashWorker <database> <effects file> <instances> [--schedule]");
    return 2;
}

var effects = new EffectLog(args[1]);
var services = new ServiceCollection();
services.AddSingleton(effects);
services.AddDurableEngine(o =>
{
    o.DatabasePath = args[0];
    o.MaxConcurrentActivities = CrashChain.ConcurrentActivities;
})
    .AddOrchestrator<CrashChain>(nameof(CrashChain))
    .AddActivity<EffectActivity>(nameof(EffectActivity));
await using var provider = services.BuildServiceProvider();
var engine = provider.GetRequiredService<DurableEngine>();
var client = provider.GetRequiredService<DurableOrchestrationClient>();
await engine.StartAsync();
Console.WriteLine("STARTED");

var ids = Enumerable.Range(0, count).Select(CrashChain.InstanceId).ToList();
if (args.Contains("--schedule"))
{
    foreach (var id in ids)
    {
        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(nameof(CrashChain), id, new StartOrchestrationOptions(id));
        }
        catch (InstanceAlreadyExistsException)
        {
            // Scheduled by an earlier run that was killed.
        }
    }

    Console.WriteLine("SCHEDULED");
}

foreach (var id in ids)
{
    await client.WaitForInstanceCompletionAsync(id);
}

Console.WriteLine("ALL DONE");
await engine.StopAsync();
return 0;

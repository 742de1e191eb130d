using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Broadcast.Durable.Benchmarks;

/// <summary>An engine on a benchmark database, with the orchestrations the benchmarks drive.</summary>
internal sealed class BenchEngine : IAsyncDisposable
{
    private BenchEngine(ServiceProvider services)
    {
        Services = services;
        Engine = services.GetRequiredService<DurableEngine>();
        Client = services.GetRequiredService<DurableOrchestrationClient>();
    }

    public ServiceProvider Services { get; }

    public DurableEngine Engine { get; }

    public DurableOrchestrationClient Client { get; }

    /// <summary>Event raised (its payload is the raise timestamp) to the step that saw it, in stopwatch ticks.</summary>
    public static LatencyRecorder Dispatch { get; } = new();

    /// <summary>Instances that ran a step of their own (not a replay) since this process started.</summary>
    public static ProgressTracker Progress { get; } = new();

    /// <summary>How long each recovery activity takes in the run that gets killed.</summary>
    public static TimeSpan SlowActivity { get; set; } = TimeSpan.Zero;

    public static async Task<BenchEngine> StartAsync(string databasePath, Action<DurableEngineOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddDurableEngine(o =>
        {
            o.DatabasePath = databasePath;
            configure?.Invoke(o);
        })
            .AddActivity<int, int>("Add", (_, x, _) => Task.FromResult(x + 1))
            .AddActivity<int, int>("SlowAdd", async (_, x, ct) =>
            {
                if (SlowActivity > TimeSpan.Zero)
                {
                    await Task.Delay(SlowActivity, ct).ConfigureAwait(false);
                }

                return x + 1;
            })
            .AddOrchestrator<int, int>("Chain", async (ctx, x) =>
            {
                var raisedAt = await ctx.WaitForExternalEvent<long>("go");
                if (!ctx.IsReplaying)
                {
                    Dispatch.Record(Stopwatch.GetTimestamp() - raisedAt);
                }

                for (var i = 0; i < 4; i++)
                {
                    x = await ctx.CallActivityAsync<int>("Add", x);
                }

                return x;
            })
            .AddOrchestrator<int, int>("Waiter", async (ctx, _) => await ctx.WaitForExternalEvent<int>("never"))
            .AddOrchestrator<int, int>("Recoverable", async (ctx, x) =>
            {
                if (!ctx.IsReplaying)
                {
                    Progress.Mark(ctx.InstanceId);
                }

                for (var i = 0; i < 3; i++)
                {
                    x = await ctx.CallActivityAsync<int>("SlowAdd", x);
                    if (!ctx.IsReplaying)
                    {
                        Progress.Mark(ctx.InstanceId);
                    }
                }

                return x;
            });
        var provider = services.BuildServiceProvider();
        var engine = new BenchEngine(provider);
        await engine.Engine.StartAsync().ConfigureAwait(false);
        return engine;
    }

    public async ValueTask DisposeAsync()
    {
        await Engine.StopAsync().ConfigureAwait(false);
        await Services.DisposeAsync().ConfigureAwait(false);
    }
}

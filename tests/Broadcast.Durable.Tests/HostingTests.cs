using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Broadcast.Durable.Tests;

public sealed class HostingTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Host_StartsTheEngine_RunsInstances_AndStopsCleanly()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Engine:DatabasePath"] = _folder.DatabasePath });
        builder.Services.AddDurableEngine(builder.Configuration.GetSection("Engine"))
            .AddActivity<string, string>("Upper", (_, x, _) => Task.FromResult(x.ToUpperInvariant()))
            .AddOrchestrator<string, string>("Shout", async (ctx, x) => await ctx.CallActivityAsync<string>("Upper", x));
        using var host = builder.Build();

        await host.StartAsync();
        var client = host.Services.GetRequiredService<IOrchestrationClient>();
        var id = await client.ScheduleNewOrchestrationInstanceAsync("Shout", "hello");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var done = await client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);
        await host.StopAsync();

        Assert.Equal("HELLO", done.ReadOutputAs<string>());
        Assert.True(File.Exists(_folder.DatabasePath));
    }

    [Fact]
    public async Task Host_WithInvalidEngineOptions_FailsToStart_NamingTheSetting()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddDurableEngine(o => o.MaxConcurrentActivities = 0);
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Engine:MaxConcurrentActivities", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stop_WithAnActivityStillRunning_LeavesItForTheNextStart()
    {
        var gate = new Gate();
        var runs = 0;
        void Register(IDurableEngineBuilder b) => b
            .AddActivity<string, string>("Stuck", async (_, x, ct) =>
            {
                if (Interlocked.Increment(ref runs) == 1)
                {
                    await gate.PassAsync(ct);
                }

                return x + " done";
            })
            .AddOrchestrator<string, string>("UsesStuck", async (ctx, x) => await ctx.CallActivityAsync<string>("Stuck", x));

        var first = await EngineHarness.StartAsync(_folder.DatabasePath, Register, TestClock.Create());
        var id = await first.Client.ScheduleNewOrchestrationInstanceAsync("UsesStuck", "work");
        await Eventually.TrueAsync(() => gate.Arrived == 1, "the activity to start");
        using (var shutdownTimeout = new CancellationTokenSource())
        {
            await shutdownTimeout.CancelAsync();
            await first.Engine.StopAsync(shutdownTimeout.Token);
        }

        await first.Services.DisposeAsync();
        Assert.Equal(1, Database.CountActivities(_folder.DatabasePath, id));

        await using var second = await EngineHarness.StartAsync(_folder.DatabasePath, Register, TestClock.Create());
        var done = await second.WaitAsync(id);

        Assert.Equal("work done", done.ReadOutputAs<string>());
        Assert.Equal(2, runs);
    }
}

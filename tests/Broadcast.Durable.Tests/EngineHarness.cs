using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Broadcast.Durable.Tests;

/// <summary>An engine on a real SQLite file in a temp folder, with a fake clock unless told otherwise.</summary>
public sealed class EngineHarness : IAsyncDisposable
{
    private EngineHarness(ServiceProvider services, string databasePath, FakeTimeProvider? clock)
    {
        Services = services;
        DatabasePath = databasePath;
        Clock = clock;
        Engine = services.GetRequiredService<DurableEngine>();
        Client = services.GetRequiredService<DurableOrchestrationClient>();
    }

    public ServiceProvider Services { get; }

    public string DatabasePath { get; }

    public FakeTimeProvider? Clock { get; }

    public DurableEngine Engine { get; }

    public DurableOrchestrationClient Client { get; }

    public FakeTimeProvider FakeClock => Clock ?? throw new InvalidOperationException("This harness runs on the system clock.");

    public static async Task<EngineHarness> StartAsync(
        string databasePath,
        Action<IDurableEngineBuilder> register,
        FakeTimeProvider? clock = null,
        Action<DurableEngineOptions>? configure = null,
        ILoggerProvider? logs = null,
        Action<IServiceCollection>? addServices = null,
        bool start = true)
    {
        var services = new ServiceCollection();
        addServices?.Invoke(services);
        services.AddLogging(b =>
        {
            if (logs is not null)
            {
                b.AddProvider(logs);
            }
        });
        if (clock is not null)
        {
            services.AddSingleton<TimeProvider>(clock);
        }

        var builder = services.AddDurableEngine(o =>
        {
            o.DatabasePath = databasePath;
            o.DurableCommits = false;
            o.CompletionPollInterval = TimeSpan.FromMilliseconds(500);
            configure?.Invoke(o);
        });
        register(builder);
        var provider = services.BuildServiceProvider(validateScopes: true);
        var harness = new EngineHarness(provider, databasePath, clock);
        if (start)
        {
            await harness.Engine.StartAsync();
        }

        return harness;
    }

    public async Task<OrchestrationMetadata> WaitAsync(string instanceId, int seconds = 30)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        return await Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, timeout.Token);
    }

    /// <summary>Waits until the instance's history satisfies <paramref name="condition"/>.</summary>
    public Task WaitForHistoryAsync(string instanceId, Func<IReadOnlyList<HistoryEvent>, bool> condition, string what) =>
        Eventually.TrueAsync(async () => condition(await Client.GetHistoryAsync(instanceId)), what);

    public async ValueTask DisposeAsync()
    {
        await Engine.StopAsync();
        await Services.DisposeAsync();
    }
}

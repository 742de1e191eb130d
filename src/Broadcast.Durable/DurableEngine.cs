using Broadcast.Durable.Dispatch;

namespace Broadcast.Durable;

/// <summary>
/// The embedded durable engine: dispatches orchestration steps, activities and timers stored in one
/// SQLite file. Started and stopped by its hosted service; one engine per database file.
/// </summary>
public sealed class DurableEngine
{
    /// <summary>The meter of the engine's queue metrics, for OpenTelemetry's <c>AddMeter</c>.</summary>
    public const string MeterName = "Broadcast.Durable";

    private readonly EngineRuntime _runtime;

    internal DurableEngine(EngineRuntime runtime)
    {
        _runtime = runtime;
    }

    /// <summary>Completes when commits could no longer be flushed to disk: the engine takes no more work and must be restarted.</summary>
    internal Task<IOException> Broken => _runtime.Broken;

    /// <summary>Counters since start.</summary>
    public EngineStatistics Statistics => _runtime.Statistics;

    /// <summary>Opens the database (creating or checking its schema) and resumes every instance with pending work.</summary>
    public Task StartAsync(CancellationToken cancellationToken = default) => _runtime.StartAsync(cancellationToken);

    /// <summary>
    /// Stops dispatching. Steps in progress commit; running activities may finish until
    /// <paramref name="cancellationToken"/> fires, then they are cancelled and left to run again after a restart.
    /// </summary>
    public Task StopAsync(CancellationToken cancellationToken = default) => _runtime.StopAsync(cancellationToken);
}

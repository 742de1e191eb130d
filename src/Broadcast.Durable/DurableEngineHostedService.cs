using Microsoft.Extensions.Hosting;

namespace Broadcast.Durable;

/// <summary>
/// Starts the engine with the host and stops it cleanly with the host. If the engine's commits can no longer be
/// flushed to disk it stops the host too (fail-stop): a restart recovers from what is on disk, while a host left
/// running would only fail every request.
/// </summary>
internal sealed class DurableEngineHostedService(DurableEngine engine, IHostApplicationLifetime? lifetime = null) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await engine.StartAsync(cancellationToken).ConfigureAwait(false);
        if (lifetime is not null)
        {
            _ = engine.Broken.ContinueWith(_ => lifetime.StopApplication(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => engine.StopAsync(cancellationToken);
}

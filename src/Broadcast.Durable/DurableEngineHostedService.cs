using Microsoft.Extensions.Hosting;

namespace Broadcast.Durable;

/// <summary>Starts the engine with the host and stops it cleanly with the host.</summary>
internal sealed class DurableEngineHostedService(DurableEngine engine) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => engine.StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => engine.StopAsync(cancellationToken);
}

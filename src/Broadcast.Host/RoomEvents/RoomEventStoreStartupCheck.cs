namespace Broadcast.Host;

/// <summary>Opens the room events' file as the host starts, so an unusable <c>Webhooks:DatabasePath</c> stops the start with its name.</summary>
internal sealed class RoomEventStoreStartupCheck(RoomEventStore store) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => store.OpenAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

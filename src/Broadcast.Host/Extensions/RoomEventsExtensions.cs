using Broadcast.Durable;
using Broadcast.Sessions;
using Microsoft.Extensions.Options;

namespace Broadcast.Host;

/// <summary>Registers the room-event webhook: its options, store, intake, and the backlog new sessions read.</summary>
public static class RoomEventsExtensions
{
    /// <summary>
    /// Reads <c>Webhooks</c> (validated on start). The store's file defaults to <c>room-events.db</c> next to the engine's
    /// database. With a signing key, sessions created later get the events held for their room and user.
    /// </summary>
    public static IServiceCollection AddRoomEvents(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<WebhookOptions>()
            .Bind(configuration.GetSection(WebhookOptions.SectionName))
            .PostConfigure<IOptions<DurableEngineOptions>>((webhooks, engine) => webhooks.DatabasePath ??= Path.Combine(
                Path.GetDirectoryName(Path.GetFullPath(engine.Value.DatabasePath)) ?? ".", "room-events.db"))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<RoomEventStore>();
        services.AddSingleton<RoomEventIntake>();
        if (configuration.GetSection(WebhookOptions.SectionName).Get<WebhookOptions>() is { Enabled: true })
        {
            services.AddSingleton<IPresenceBacklog, RoomEventBacklog>();
            services.AddHostedService<RoomEventStoreStartupCheck>();
        }

        return services;
    }
}

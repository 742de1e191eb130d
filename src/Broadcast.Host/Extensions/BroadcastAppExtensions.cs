using Broadcast.Ilvb.Simulator;

namespace Broadcast.Host;

/// <summary>The host's request pipeline and endpoint groups.</summary>
public static class BroadcastAppExtensions
{
    /// <summary>
    /// Problem details for every error, the dashboard at <c>/</c>, the API key check, the OpenAPI document (<c>/openapi/v1.json</c>), the health
    /// probe and the resource groups; prints the startup summary once the host listens.
    /// </summary>
    public static WebApplication MapBroadcastHost(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseDashboard();
        app.UseMiddleware<ApiKeyMiddleware>();

        app.MapOpenApi();
        app.MapHealthApi();
        app.MapSessionsApi();
        app.MapRoomsApi();
        app.MapRoomEventsApi();
        app.MapSchedulesApi();
        app.MapLedgerApi();
        if (app.Services.GetService<EmbeddedSimulator>() is { } simulator)
        {
            // The simulator's control API on the host's own port, to play the anchor: join a room, read what is live.
            app.MapGroup("/simulator").MapIlvbSimulator(simulator.Simulator.State, simulator.Simulator.Faults, simulator.Simulator.Options)
                .ExcludeFromDescription();
        }

        var summary = app.Services.GetRequiredService<StartupSummary>();
        app.Lifetime.ApplicationStarted.Register(() => summary.Report(app.Urls));
        return app;
    }
}

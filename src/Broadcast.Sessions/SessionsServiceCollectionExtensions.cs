using Broadcast.Ilvb;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Broadcast.Sessions;

/// <summary>Registers the session service, orchestrators, activities, options, metrics and the ILVB client.</summary>
public static class SessionsServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="SessionOptions"/> (section <c>Sessions</c> of the root <paramref name="configuration"/>,
    /// validated on start), <see cref="SessionService"/>, <see cref="SessionMetrics"/>, the orchestrator and activity
    /// classes, and the ILVB client (section <c>Ilvb</c>). The host registers the engine and its
    /// <c>IOrchestrationClient</c>, and the orchestrators and activities under the names in
    /// <see cref="SessionOrchestrations"/> and <see cref="SessionActivities"/>.
    /// </summary>
    public static IServiceCollection AddBroadcastSessions(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<SessionOptions>().Bind(configuration.GetSection(SessionOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SessionOptions>, SessionOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<SessionMetrics>();
        services.TryAddSingleton<AnchorStreamLocks>();
        services.TryAddSingleton<IAnchorLocks>(sp => sp.GetRequiredService<AnchorStreamLocks>());
        services.TryAddSingleton<AnchorStopGuard>();
        services.TryAddSingleton<SessionService>();
        services.TryAddTransient<BroadcastSessionOrchestrator>();
        services.TryAddTransient<RecurringScheduleOrchestrator>();
        services.TryAddTransient<StartPushActivity>();
        services.TryAddTransient<StopPushActivity>();
        services.TryAddTransient<StartRecordingActivity>();
        services.TryAddTransient<StopRecordingActivity>();
        services.TryAddTransient<CreateScheduledSessionActivity>();
        services.AddLeakSweeper(configuration);
        services.AddIlvbClient(configuration);
        return services;
    }
}

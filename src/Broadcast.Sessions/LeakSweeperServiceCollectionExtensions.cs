using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Broadcast.Sessions;

/// <summary>Registers the leak ledger's users: the tracker the activities write through, the sweeper, its options and metrics.</summary>
public static class LeakSweeperServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="LeakTracker"/>, <see cref="LeakSweeper"/>, the <see cref="LeakEntryCache"/> they share, <see cref="LeakLedgerReader"/>, <see cref="LeakMetrics"/> and <see cref="LeakSweeperOptions"/>
    /// (section <c>Sweeper</c>, validated on start), and <see cref="InMemoryLeakLedger"/> as the ledger unless one is
    /// registered (a host replaces it with a durable one). Called by <c>AddBroadcastSessions</c>.
    /// </summary>
    public static IServiceCollection AddLeakSweeper(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<LeakSweeperOptions>().Bind(configuration.GetSection(LeakSweeperOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LeakSweeperOptions>, LeakSweeperOptionsValidator>());
        services.TryAddSingleton<ILeakLedger, InMemoryLeakLedger>();
        services.TryAddSingleton<LeakEntryCache>();
        services.TryAddSingleton<LeakTracker>();
        services.TryAddSingleton<LeakMetrics>();
        services.TryAddSingleton<AnchorStreamLocks>();
        services.TryAddSingleton<IAnchorLocks>(sp => sp.GetRequiredService<AnchorStreamLocks>());
        services.TryAddSingleton<AnchorHolders>();
        services.TryAddSingleton<LeakSweeper>();
        services.TryAddSingleton<LeakLedgerReader>();
        return services;
    }
}

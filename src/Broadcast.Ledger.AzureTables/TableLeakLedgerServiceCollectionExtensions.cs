using Broadcast.Sessions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Broadcast.Ledger.AzureTables;

/// <summary>Registers the Azure Table leak ledger.</summary>
public static class TableLeakLedgerServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="TableLeakLedger"/> as the <see cref="ILeakLedger"/> (replacing the in-memory default), with
    /// options bound from <paramref name="configuration"/> (e.g. the section <c>Ledger</c>) and then
    /// <paramref name="configure"/>; validated on start.
    /// </summary>
    public static IServiceCollection AddTableLeakLedger(
        this IServiceCollection services, IConfiguration? configuration = null, Action<TableLeakLedgerOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<TableLeakLedgerOptions>();
        if (configuration is not null)
        {
            options.Bind(configuration);
        }

        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TableLeakLedgerOptions>, TableLeakLedgerOptionsValidator>());
        services.TryAddSingleton<TableLeakLedger>();
        services.Replace(ServiceDescriptor.Singleton<ILeakLedger>(sp => sp.GetRequiredService<TableLeakLedger>()));
        return services;
    }

    /// <summary>
    /// Registers <see cref="TableAnchorLeases"/> as the <see cref="IAnchorLocks"/> (replacing the one-process default),
    /// in the storage account and with the options <see cref="AddTableLeakLedger"/> registers: for a host whose
    /// instances share sessions, so one instance's start of an anchor's stream cannot cross another's stop of it.
    /// </summary>
    public static IServiceCollection AddTableAnchorLeases(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<AnchorStreamLocks>();
        services.TryAddSingleton<TableAnchorLeases>();
        services.Replace(ServiceDescriptor.Singleton<IAnchorLocks>(sp => sp.GetRequiredService<TableAnchorLeases>()));
        return services;
    }
}

using Broadcast.Sessions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Broadcast.Ledger.Sqlite;

/// <summary>Registers the SQLite leak ledger.</summary>
public static class SqliteLeakLedgerServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="SqliteLeakLedger"/> as the <see cref="ILeakLedger"/> (replacing the in-memory default, whether
    /// the sessions were added before or after), with options bound from <paramref name="configuration"/> (e.g. the
    /// section <c>Ledger</c>) and then <paramref name="configure"/>; validated on start.
    /// </summary>
    public static IServiceCollection AddSqliteLeakLedger(
        this IServiceCollection services, IConfiguration? configuration = null, Action<SqliteLeakLedgerOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<SqliteLeakLedgerOptions>();
        if (configuration is not null)
        {
            options.Bind(configuration);
        }

        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SqliteLeakLedgerOptions>, SqliteLeakLedgerOptionsValidator>());
        services.TryAddSingleton<SqliteLeakLedger>();
        services.Replace(ServiceDescriptor.Singleton<ILeakLedger>(sp => sp.GetRequiredService<SqliteLeakLedger>()));
        return services;
    }
}

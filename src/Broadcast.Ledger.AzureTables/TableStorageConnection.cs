using Microsoft.Extensions.Configuration;

namespace Broadcast.Ledger.AzureTables;

/// <summary>
/// Reads an Azure Functions storage connection (e.g. <c>AzureWebJobsStorage</c>) for the ledger: either a connection
/// string, or the identity-based form (<c>__accountName</c> or <c>__tableServiceUri</c>, with <c>__clientId</c>)
/// that a deployment without shared keys uses.
/// </summary>
public static class TableStorageConnection
{
    /// <summary>
    /// Fills <paramref name="options"/> from the connection <paramref name="name"/> unless a connection string or
    /// service address is set already; leaves it unset when the connection is not configured either.
    /// </summary>
    public static void Apply(TableLeakLedgerOptions options, IConfiguration configuration, string name = "AzureWebJobsStorage")
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(configuration);
        if (!string.IsNullOrWhiteSpace(options.ConnectionString) || options.ServiceUri is not null)
        {
            return;
        }

        var section = configuration.GetSection(name);
        if (!string.IsNullOrWhiteSpace(section.Value))
        {
            options.ConnectionString = section.Value;
            return;
        }

        if (section["tableServiceUri"] is { Length: > 0 } uri)
        {
            options.ServiceUri = new Uri(uri, UriKind.Absolute);
        }
        else if (section["accountName"] is { Length: > 0 } account)
        {
            options.ServiceUri = new Uri($"https://{account}.table.core.windows.net");
        }

        options.ClientId ??= section["clientId"];
    }
}

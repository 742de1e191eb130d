using Azure.Data.Tables;
using Azure.Identity;

namespace Broadcast.Ledger.AzureTables;

/// <summary>The table service the ledger's options name: by connection string, or by address with an Entra identity.</summary>
internal static class TableServiceClients
{
    public static TableServiceClient Create(TableLeakLedgerOptions settings) =>
        string.IsNullOrWhiteSpace(settings.ConnectionString)
            ? new TableServiceClient(
                settings.ServiceUri ?? throw new InvalidOperationException("Ledger:ConnectionString or Ledger:ServiceUri must be set."),
                settings.ClientId is { Length: > 0 } clientId
                    ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId))
                    : new DefaultAzureCredential())
            : new TableServiceClient(settings.ConnectionString);
}

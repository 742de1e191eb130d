namespace Broadcast.Ledger.AzureTables;

/// <summary>
/// The Azure Table leak ledger (configuration section <c>Ledger</c>): a connection string, or the table service's
/// address reached with a Microsoft Entra identity (a managed identity in Azure, where shared keys are off).
/// </summary>
public sealed class TableLeakLedgerOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Ledger";

    /// <summary>An Azure Storage connection string (a secret: never logged); or set <see cref="ServiceUri"/>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The table service (<c>https://{account}.table.core.windows.net</c>), reached with an Entra identity.</summary>
    public Uri? ServiceUri { get; set; }

    /// <summary>With <see cref="ServiceUri"/>: the client id of the user-assigned managed identity; null for the default credential chain.</summary>
    public string? ClientId { get; set; }

    /// <summary>The table, created on first use (3 to 63 letters and digits, starting with a letter).</summary>
    public string TableName { get; set; } = "LeakLedger";
}

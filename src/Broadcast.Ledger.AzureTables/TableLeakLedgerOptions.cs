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

    /// <summary>
    /// The table of the anchors' stream leases (<see cref="TableAnchorLeases"/>), in the same account, created on first
    /// use (the same naming rule).
    /// </summary>
    public string LeaseTableName { get; set; } = "AnchorLeases";

    /// <summary>
    /// How long a lease outlives its last renewal (a live holder renews it every third of this): the longest an
    /// anchor stays locked after its holder's instance died. 5 seconds to 1 hour.
    /// </summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(1);
}

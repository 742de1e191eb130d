namespace Broadcast.Host;

/// <summary>Where the leak ledger's file goes when <c>Ledger:DatabasePath</c> is not set.</summary>
internal static class LedgerPaths
{
    /// <summary>
    /// Beside the engine's database, named after it (<c>data/broadcast.db</c> → <c>data/broadcast.ledger.db</c>): a
    /// file of its own keeps the ledger's writes off the engine's single-writer group commit and its schema out of the
    /// engine's, while a backup of the data folder still takes both.
    /// </summary>
    public static string BesideEngine(string? engineDatabasePath)
    {
        var engine = Path.GetFullPath(string.IsNullOrWhiteSpace(engineDatabasePath) ? HostOptions.DefaultDatabasePath : engineDatabasePath);
        return Path.Combine(Path.GetDirectoryName(engine)!, Path.GetFileNameWithoutExtension(engine) + ".ledger.db");
    }
}

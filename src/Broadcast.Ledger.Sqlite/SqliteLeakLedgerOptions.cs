namespace Broadcast.Ledger.Sqlite;

/// <summary>The SQLite leak ledger (configuration section <c>Ledger</c>).</summary>
public sealed class SqliteLeakLedgerOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Ledger";

    /// <summary>The ledger's SQLite file; its folder is created. The host puts it beside the engine's database.</summary>
    public string DatabasePath { get; set; } = "";

    /// <summary><c>synchronous=FULL</c> (an open entry survives power loss) when true; <c>NORMAL</c> (survives a process crash) when false.</summary>
    public bool DurableCommits { get; set; } = true;
}

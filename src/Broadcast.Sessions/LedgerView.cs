namespace Broadcast.Sessions;

/// <summary>The answer of <c>GET /api/ledger</c> in both hosts.</summary>
/// <param name="OpenCount">How many entries may still be running (open or given up), in all.</param>
/// <param name="Entries">The entries asked for, the oldest opened first.</param>
public sealed record LedgerView(int OpenCount, IReadOnlyList<LeakEntry> Entries);

namespace Broadcast.Sessions;

/// <summary>Which ledger entries to list.</summary>
public sealed record LeakListQuery
{
    /// <summary>The largest <see cref="Limit"/>.</summary>
    public const int MaxLimit = 5000;

    /// <summary>Also the closed entries (kept for the configured retention).</summary>
    public bool IncludeClosed { get; init; }

    /// <summary>At most this many entries, the oldest opened first (1 to <see cref="MaxLimit"/>).</summary>
    public int Limit { get; init; } = 500;
}

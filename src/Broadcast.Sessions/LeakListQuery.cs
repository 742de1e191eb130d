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

    /// <summary>Only the entries after this one in the listing's order (opened, then session id, then kind): the next page.</summary>
    public LeakEntry? After { get; init; }

    /// <summary>The listing's order: opened first, then session id (ordinal), then kind.</summary>
    public static int Compare(LeakEntry x, LeakEntry y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        var byOpened = x.OpenedAt.UtcTicks.CompareTo(y.OpenedAt.UtcTicks);
        if (byOpened != 0)
        {
            return byOpened;
        }

        var bySession = string.CompareOrdinal(x.SessionId, y.SessionId);
        return bySession != 0 ? bySession : x.Kind.CompareTo(y.Kind);
    }

    /// <summary>Whether <paramref name="entry"/> belongs to this page by <see cref="After"/>.</summary>
    public bool IsAfterCursor(LeakEntry entry) => After is null || Compare(entry, After) > 0;
}

namespace Broadcast.Sessions;

/// <summary>
/// The durable store of pushes and recordings that may be running (<see cref="LeakEntry"/>), one entry per session
/// and kind. A plain store: the rules live in <see cref="LeakTracker"/> and <see cref="LeakSweeper"/>. Writes are
/// optimistic: each carries the version it read, and a write over a newer version is refused.
/// </summary>
public interface ILeakLedger
{
    /// <summary>One entry, or null.</summary>
    Task<LeakEntry?> GetAsync(string sessionId, LeakKind kind, CancellationToken cancellationToken);

    /// <summary>The entries of one session, open or closed.</summary>
    Task<IReadOnlyList<LeakEntry>> ListBySessionAsync(string sessionId, CancellationToken cancellationToken);

    /// <summary>
    /// Open entries (or all) in <see cref="LeakListQuery.Compare"/>'s order (the oldest opened first), at most
    /// <see cref="LeakListQuery.Limit"/>, and only those after <see cref="LeakListQuery.After"/> when it is set.
    /// </summary>
    Task<IReadOnlyList<LeakEntry>> ListAsync(LeakListQuery query, CancellationToken cancellationToken);

    /// <summary>How many entries are open (<see cref="LeakEntry.IsOpen"/>).</summary>
    Task<int> CountOpenAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Stores <paramref name="entry"/>: with <see cref="LeakEntry.Version"/> 0 it is inserted unless one exists;
    /// otherwise it replaces the stored entry only if that still has the same version. Returns the stored entry
    /// with its new version, or null when the write was refused (someone else wrote first).
    /// </summary>
    Task<LeakEntry?> TryWriteAsync(LeakEntry entry, CancellationToken cancellationToken);

    /// <summary>Deletes closed entries closed before <paramref name="closedBefore"/>; returns how many.</summary>
    Task<int> DeleteClosedAsync(DateTimeOffset closedBefore, CancellationToken cancellationToken);
}

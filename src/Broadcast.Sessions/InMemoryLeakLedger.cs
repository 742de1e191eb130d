using Microsoft.Extensions.Logging;

namespace Broadcast.Sessions;

/// <summary>
/// A leak ledger in process memory: the default when a host registers no durable one. It covers a terminated or
/// failed session while the process lives, not a restart, and not a scale-out where the sweeper runs elsewhere.
/// </summary>
public sealed class InMemoryLeakLedger : ILeakLedger
{
    private readonly Lock gate = new();
    private readonly Dictionary<(string SessionId, LeakKind Kind), LeakEntry> entries = [];

    /// <summary>Creates an empty ledger; with a logger, warns once that it does not survive a restart.</summary>
    public InMemoryLeakLedger(ILogger<InMemoryLeakLedger>? logger = null)
    {
        if (logger is not null)
        {
            Log.InMemoryLedger(logger);
        }
    }

    /// <inheritdoc />
    public Task<LeakEntry?> GetAsync(string sessionId, LeakKind kind, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult(entries.GetValueOrDefault((sessionId, kind)));
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<LeakEntry>> ListBySessionAsync(string sessionId, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult<IReadOnlyList<LeakEntry>>([.. entries.Values.Where(e => e.SessionId == sessionId).OrderBy(e => e.Kind)]);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<LeakEntry>> ListAsync(LeakListQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        lock (gate)
        {
            return Task.FromResult<IReadOnlyList<LeakEntry>>([.. entries.Values
                .Where(e => (query.IncludeClosed || e.IsOpen) && query.IsAfterCursor(e))
                .Order(Comparer<LeakEntry>.Create(LeakListQuery.Compare))
                .Take(query.Limit)]);
        }
    }

    /// <inheritdoc />
    public Task<int> CountOpenAsync(CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult(entries.Values.Count(e => e.IsOpen));
        }
    }

    /// <inheritdoc />
    public Task<LeakEntry?> TryWriteAsync(LeakEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        lock (gate)
        {
            var key = (entry.SessionId, entry.Kind);
            var storedVersion = entries.TryGetValue(key, out var stored) ? stored.Version : 0;
            if (storedVersion != entry.Version)
            {
                return Task.FromResult<LeakEntry?>(null);
            }

            var written = entry with { Version = storedVersion + 1 };
            entries[key] = written;
            return Task.FromResult<LeakEntry?>(written);
        }
    }

    /// <inheritdoc />
    public Task<int> DeleteClosedAsync(DateTimeOffset closedBefore, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            var old = entries.Where(p => !p.Value.IsOpen && p.Value.ClosedAt < closedBefore).Select(p => p.Key).ToList();
            foreach (var key in old)
            {
                entries.Remove(key);
            }

            return Task.FromResult(old.Count);
        }
    }
}

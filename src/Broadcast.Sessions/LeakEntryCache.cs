using Microsoft.Extensions.Options;

namespace Broadcast.Sessions;

/// <summary>
/// The open ledger entries this process last read or wrote, so that an update can write over the version it knows
/// instead of reading the entry first. Only a guess: the write is still guarded by that version, and a refused write
/// makes the update forget it and read the store (see <see cref="LeakLedgerUpdates"/>). Bounded: closed entries are
/// forgotten, the least recently stored ones are dropped beyond the capacity, and an entry is trusted for half the
/// sweeper's <see cref="LeakSweeperOptions.Retention"/> only.
/// </summary>
/// <remarks>
/// The time limit keeps the version guard sound: versions start again at 1 only when a closed entry was deleted
/// (no sooner than <see cref="LeakSweeperOptions.Retention"/> after its close) and the same session id inserted again,
/// and an entry remembered from before that could carry the new entry's version. Half leaves room for clocks of
/// different hosts that disagree.
/// </remarks>
public sealed class LeakEntryCache
{
    /// <summary>How many entries it keeps at most by default: both entries of 5,000 live sessions, a few MB.</summary>
    public const int DefaultCapacity = 10_000;

    private readonly Lock gate = new();
    private readonly Dictionary<(string SessionId, LeakKind Kind), LinkedListNode<Slot>> slots = [];
    private readonly LinkedList<Slot> recent = new();
    private readonly TimeSpan lifetime;
    private readonly int capacity;
    private readonly TimeProvider timeProvider;

    /// <summary>Creates an empty cache trusting entries for half the sweeper's retention.</summary>
    public LeakEntryCache(IOptions<LeakSweeperOptions> options, TimeProvider timeProvider)
        : this(LifetimeFor(options), DefaultCapacity, timeProvider)
    {
    }

    internal LeakEntryCache(TimeSpan lifetime, int capacity, TimeProvider timeProvider)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lifetime, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentNullException.ThrowIfNull(timeProvider);
        this.lifetime = lifetime;
        this.capacity = capacity;
        this.timeProvider = timeProvider;
    }

    /// <summary>How many entries it holds now.</summary>
    public int Count
    {
        get
        {
            lock (gate)
            {
                return slots.Count;
            }
        }
    }

    /// <summary>The entry last stored or read for the session and kind, if it is remembered and still trusted.</summary>
    internal bool TryGet(string sessionId, LeakKind kind, out LeakEntry? entry)
    {
        var now = timeProvider.GetUtcNow();
        lock (gate)
        {
            if (slots.TryGetValue((sessionId, kind), out var node))
            {
                if (now - node.Value.RememberedAt < lifetime)
                {
                    entry = node.Value.Entry;
                    return true;
                }

                Remove(node);
            }
        }

        entry = null;
        return false;
    }

    /// <summary>
    /// Remembers <paramref name="entry"/> as stored: an open one replaces what is remembered unless that is newer
    /// (another update finished first); a closed one is forgotten.
    /// </summary>
    internal void Remember(LeakEntry entry)
    {
        var now = timeProvider.GetUtcNow();
        var key = (entry.SessionId, entry.Kind);
        lock (gate)
        {
            if (slots.TryGetValue(key, out var node))
            {
                if (node.Value.Entry.Version > entry.Version)
                {
                    return;
                }

                Remove(node);
            }

            if (!entry.IsOpen)
            {
                return;
            }

            slots[key] = recent.AddFirst(new Slot(entry, now));
            if (slots.Count > capacity)
            {
                Remove(recent.Last!);
            }
        }
    }

    /// <summary>Forgets <paramref name="stale"/> (a write over its version was refused), unless a newer one is remembered.</summary>
    internal void Forget(LeakEntry stale)
    {
        lock (gate)
        {
            if (slots.TryGetValue((stale.SessionId, stale.Kind), out var node) && node.Value.Entry.Version <= stale.Version)
            {
                Remove(node);
            }
        }
    }

    private static TimeSpan LifetimeFor(IOptions<LeakSweeperOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Value.Retention / 2;
    }

    private void Remove(LinkedListNode<Slot> node)
    {
        slots.Remove((node.Value.Entry.SessionId, node.Value.Entry.Kind));
        recent.Remove(node);
    }

    private sealed record Slot(LeakEntry Entry, DateTimeOffset RememberedAt);
}

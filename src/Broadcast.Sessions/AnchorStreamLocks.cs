using Broadcast.Ilvb;

namespace Broadcast.Sessions;

/// <summary>
/// One lock per anchor (room and user) in this process. The vendor keeps one push and one recording per anchor, so
/// the sweeper's stop of an ended session's stream must not cross a new session's start of that anchor's stream: a
/// stop landing just after the start would end the new broadcast, which had counted the stream as its own. The starts
/// and every check-then-stop (the sweeper's and each session's own stop, see <see cref="AnchorHolders"/>) hold it.
/// Instances of a host that share sessions need a lock they share too (the Functions app's table lease), which
/// queues this process's own contenders here first.
/// </summary>
public sealed class AnchorStreamLocks : IAnchorLocks
{
    private readonly Dictionary<StreamTarget, Holder> holders = [];

    /// <summary>Waits for the anchor's lock; disposing the answer releases it.</summary>
    public async Task<IDisposable> AcquireAsync(StreamTarget anchor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(anchor);
        Holder holder;
        lock (holders)
        {
            if (!holders.TryGetValue(anchor, out holder!))
            {
                holders[anchor] = holder = new Holder(this, anchor);
            }

            holder.Users++;
        }

        try
        {
            await holder.Semaphore.WaitAsync(cancellationToken);
        }
        catch
        {
            Leave(holder);
            throw;
        }

        return holder.NewRelease();
    }

    /// <inheritdoc />
    async Task<IAsyncDisposable> IAnchorLocks.AcquireAsync(StreamTarget anchor, CancellationToken cancellationToken) =>
        (IAsyncDisposable)await AcquireAsync(anchor, cancellationToken);

    /// <summary>Anchors whose lock is held or awaited.</summary>
    public int Count
    {
        get
        {
            lock (holders)
            {
                return holders.Count;
            }
        }
    }

    /// <summary>How many hold or await the anchor's lock.</summary>
    public int UsersOf(StreamTarget anchor)
    {
        ArgumentNullException.ThrowIfNull(anchor);
        lock (holders)
        {
            return holders.TryGetValue(anchor, out var holder) ? holder.Users : 0;
        }
    }

    private void Leave(Holder holder)
    {
        lock (holders)
        {
            // The last user removes the entry, so the table holds only anchors in use.
            if (--holder.Users == 0)
            {
                holders.Remove(holder.Anchor);
                holder.Semaphore.Dispose();
            }
        }
    }

    private sealed class Holder(AnchorStreamLocks owner, StreamTarget anchor)
    {
        public AnchorStreamLocks Owner { get; } = owner;

        public StreamTarget Anchor { get; } = anchor;

        public SemaphoreSlim Semaphore { get; } = new(1, 1);

        public int Users { get; set; }

        public IDisposable NewRelease() => new Release(this);

        private sealed class Release(Holder holder) : IDisposable, IAsyncDisposable
        {
            private int released;

            public void Dispose()
            {
                if (Interlocked.Exchange(ref released, 1) == 0)
                {
                    holder.Semaphore.Release();
                    holder.Owner.Leave(holder);
                }
            }

            public ValueTask DisposeAsync()
            {
                Dispose();
                return ValueTask.CompletedTask;
            }
        }
    }
}

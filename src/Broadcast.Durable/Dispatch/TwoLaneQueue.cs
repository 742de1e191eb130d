using System.Threading.Channels;

namespace Broadcast.Durable.Dispatch;

/// <summary>
/// A FIFO queue with an urgent lane that is served first. Work that an outside party is waiting on (an event
/// raised by a client, and what the step handling it scheduled) goes urgent, so under load it does not queue
/// behind the routine continuations of every other instance. After <see cref="UrgentStreak"/> urgent items in a
/// row a waiting routine item goes next, so a flood of client events cannot starve routine work.
/// </summary>
internal sealed class TwoLaneQueue<T>
{
    private readonly Queue<T> _urgent = new();
    private readonly Queue<T> _normal = new();
    // One token per queued item: waiting readers wake on tokens, and a token always has an item behind it.
    private readonly Channel<bool> _tokens = Channel.CreateUnbounded<bool>(new UnboundedChannelOptions { SingleWriter = false, SingleReader = false });
    private readonly Lock _gate = new();
    private int _streak;

    /// <summary>Urgent items served in a row before a waiting routine item's turn.</summary>
    public const int UrgentStreak = 8;

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _urgent.Count + _normal.Count;
            }
        }
    }

    public void Enqueue(T item, bool urgent)
    {
        lock (_gate)
        {
            (urgent ? _urgent : _normal).Enqueue(item);
            _tokens.Writer.TryWrite(true);
        }
    }

    /// <summary>Completes when an item may be there to take (false once completed, which this queue never is).</summary>
    public ValueTask<bool> WaitToReadAsync(CancellationToken cancellationToken) => _tokens.Reader.WaitToReadAsync(cancellationToken);

    /// <summary>Takes the oldest urgent item, else the oldest other one.</summary>
    public bool TryDequeue(out T item)
    {
        lock (_gate)
        {
            if (_tokens.Reader.TryRead(out _))
            {
                if ((_streak < UrgentStreak || _normal.Count == 0) && _urgent.TryDequeue(out item!))
                {
                    _streak++;
                    return true;
                }

                _streak = 0;
                return _normal.TryDequeue(out item!) || _urgent.TryDequeue(out item!);
            }

            item = default!;
            return false;
        }
    }
}

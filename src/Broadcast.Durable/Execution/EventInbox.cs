namespace Broadcast.Durable.Execution;

/// <summary>
/// External events of one execution: waiters in the order they started waiting, and events that arrived
/// before anyone waited for them (buffered, FIFO per name). Names compare case-insensitively.
/// </summary>
internal sealed class EventInbox
{
    private readonly Dictionary<string, LinkedList<EventWaiter>> _waiters = new(StringComparer.OrdinalIgnoreCase);
    private readonly LinkedList<(string Name, string? Data)> _buffered = new();

    /// <summary>Events that arrived and were never awaited, in arrival order.</summary>
    public IEnumerable<(string Name, string? Data)> Buffered => _buffered;

    public bool TryTakeBuffered(string name, out string? data)
    {
        for (var node = _buffered.First; node is not null; node = node.Next)
        {
            if (string.Equals(node.Value.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                data = node.Value.Data;
                _buffered.Remove(node);
                return true;
            }
        }

        data = null;
        return false;
    }

    public EventWaiter AddWaiter(string name)
    {
        if (!_waiters.TryGetValue(name, out var list))
        {
            list = new LinkedList<EventWaiter>();
            _waiters[name] = list;
        }

        var waiter = new EventWaiter();
        waiter.Node = list.AddLast(waiter);
        return waiter;
    }

    public static void RemoveWaiter(EventWaiter waiter)
    {
        var node = waiter.Node;
        if (node?.List is { } list)
        {
            list.Remove(node);
        }
    }

    /// <summary>Hands the event to the oldest waiter for its name, or buffers it.</summary>
    public void Deliver(string name, string? data)
    {
        if (_waiters.TryGetValue(name, out var list) && list.First is { } first)
        {
            list.RemoveFirst();
            first.Value.Deliver(data);
            return;
        }

        _buffered.AddLast((name, data));
    }
}

namespace Broadcast.Durable.Dispatch;

/// <summary>
/// The states of recently stepped instances, least recently used evicted first, so a hot instance is
/// not reloaded from the database at every step while waiting instances cost no memory.
/// </summary>
internal sealed class HistoryCache(int capacity)
{
    private readonly Dictionary<string, LinkedListNode<(string Id, InstanceState State)>> _entries = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Id, InstanceState State)> _order = new();
    private readonly Lock _gate = new();

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    public InstanceState? Get(string instanceId)
    {
        lock (_gate)
        {
            if (!_entries.TryGetValue(instanceId, out var node))
            {
                return null;
            }

            _order.Remove(node);
            _order.AddFirst(node);
            return node.Value.State;
        }
    }

    public void Put(string instanceId, InstanceState state)
    {
        if (capacity == 0)
        {
            return;
        }

        lock (_gate)
        {
            if (_entries.TryGetValue(instanceId, out var node))
            {
                _order.Remove(node);
            }

            node = _order.AddFirst((instanceId, state));
            _entries[instanceId] = node;
            while (_entries.Count > capacity && _order.Last is { } last)
            {
                _order.RemoveLast();
                _entries.Remove(last.Value.Id);
            }
        }
    }

    public void Remove(string instanceId)
    {
        lock (_gate)
        {
            if (_entries.Remove(instanceId, out var node))
            {
                _order.Remove(node);
            }
        }
    }
}

using System.Threading.Channels;

namespace Broadcast.Durable.Dispatch;

/// <summary>
/// Instances with work, each at most once: an instance woken while its step runs is queued again when
/// the step ends, so steps of one instance never overlap and no wake-up is lost.
/// </summary>
internal sealed class ReadyQueue
{
    private readonly Dictionary<string, bool> _busy = new(StringComparer.Ordinal); // value: woken again while running
    private readonly HashSet<string> _queued = new(StringComparer.Ordinal);
    private readonly Channel<string> _channel = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleWriter = false, SingleReader = false });
    private readonly Lock _gate = new();

    public ChannelReader<string> Reader => _channel.Reader;

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _queued.Count;
            }
        }
    }

    public void Wake(string instanceId)
    {
        lock (_gate)
        {
            if (_busy.ContainsKey(instanceId))
            {
                _busy[instanceId] = true;
                return;
            }

            if (_queued.Add(instanceId))
            {
                _channel.Writer.TryWrite(instanceId);
            }
        }
    }

    /// <summary>Called when a worker takes the instance.</summary>
    public void Begin(string instanceId)
    {
        lock (_gate)
        {
            _queued.Remove(instanceId);
            _busy[instanceId] = false;
        }
    }

    /// <summary>Called when the step ends; requeues the instance if it was woken meanwhile.</summary>
    public void End(string instanceId)
    {
        lock (_gate)
        {
            if (_busy.Remove(instanceId, out var wokenAgain) && wokenAgain && _queued.Add(instanceId))
            {
                _channel.Writer.TryWrite(instanceId);
            }
        }
    }
}

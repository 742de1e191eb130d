using System.Diagnostics;

namespace Broadcast.Durable.Dispatch;

/// <summary>
/// Instances with work, each at most once: an instance woken while its step runs is queued again when
/// the step ends, so steps of one instance never overlap and no wake-up is lost. An urgent wake-up (a client
/// raised an event) is served before the others, and promotes an instance already queued as routine.
/// </summary>
internal sealed class ReadyQueue(EngineMetrics? metrics = null)
{
    private readonly Dictionary<string, (WakeKind Kind, long Since)> _busy = new(StringComparer.Ordinal); // value: woken again while running, and since when
    private readonly Dictionary<string, (bool Urgent, long Since)> _queued = new(StringComparer.Ordinal); // value: lane, and since when
    private readonly TwoLaneQueue<string> _lanes = new();
    private readonly Lock _gate = new();

    private enum WakeKind
    {
        None,
        Routine,
        Urgent,
    }

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

    public void Wake(string instanceId, bool urgent = false)
    {
        lock (_gate)
        {
            if (_busy.TryGetValue(instanceId, out var again))
            {
                // The wait counts from the wake-up that set the lane, so time spent behind the running step is in it.
                var kind = urgent || again.Kind == WakeKind.Urgent ? WakeKind.Urgent : WakeKind.Routine;
                _busy[instanceId] = kind == again.Kind ? again : (kind, Stopwatch.GetTimestamp());
                return;
            }

            if (_queued.TryGetValue(instanceId, out var queued) && (queued.Urgent || !urgent))
            {
                return;
            }

            // New, or promoted: the routine entry left behind is skipped when it comes up.
            Queue(instanceId, urgent, Stopwatch.GetTimestamp());
        }
    }

    /// <summary>Completes when an instance may be ready to take.</summary>
    public ValueTask<bool> WaitAsync(CancellationToken cancellationToken) => _lanes.WaitToReadAsync(cancellationToken);

    /// <summary>Takes the next ready instance (urgent ones first) and marks it running.</summary>
    public bool TryBegin(out string instanceId)
    {
        lock (_gate)
        {
            while (_lanes.TryDequeue(out instanceId))
            {
                if (_queued.Remove(instanceId, out var queued))
                {
                    _busy[instanceId] = (WakeKind.None, 0);
                    metrics?.StepStarted(queued.Urgent, queued.Since);
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>
    /// Marks an instance running for a step its caller runs itself, when it is neither running nor queued;
    /// <see cref="End"/> releases it like any step.
    /// </summary>
    public bool TryClaim(string instanceId)
    {
        lock (_gate)
        {
            return !_queued.ContainsKey(instanceId) && _busy.TryAdd(instanceId, (WakeKind.None, 0));
        }
    }

    /// <summary>Called when the step ends; requeues the instance if it was woken meanwhile.</summary>
    public void End(string instanceId)
    {
        lock (_gate)
        {
            if (_busy.Remove(instanceId, out var again) && again.Kind != WakeKind.None && !_queued.ContainsKey(instanceId))
            {
                Queue(instanceId, again.Kind == WakeKind.Urgent, again.Since);
            }
        }
    }

    private void Queue(string instanceId, bool urgent, long since)
    {
        _queued[instanceId] = (urgent, since);
        _lanes.Enqueue(instanceId, urgent);
    }
}

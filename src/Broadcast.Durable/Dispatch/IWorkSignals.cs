using Broadcast.Durable.Storage;

namespace Broadcast.Durable.Dispatch;

/// <summary>What committed writes tell the running engine (called once the commit is on disk: on the flusher thread with durable commits, else on the writer thread).</summary>
internal interface IWorkSignals
{
    /// <summary>A message became visible for the instance; <paramref name="urgent"/> when a client sent it (someone waits on it).</summary>
    void InstanceReady(string instanceId, bool urgent = false);

    /// <summary>A message becomes visible at <paramref name="visibleAt"/> (ticks); now or later.</summary>
    void MessageDue(string instanceId, long visibleAt);

    /// <summary>Activities were stored and can run.</summary>
    void ActivitiesScheduled(IReadOnlyList<ActivityWorkItem> items);

    /// <summary>The instance completed, failed or was terminated.</summary>
    void InstanceFinished(string instanceId);

    /// <summary>The instance was replaced or purged: forget what is cached of it.</summary>
    void InstanceRemoved(string instanceId);
}

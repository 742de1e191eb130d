using Broadcast.Durable.Storage;

namespace Broadcast.Durable.Dispatch;

/// <summary>
/// Activity results waiting in memory for their instance's next step (per instance, in arrival order).
/// The step takes them with the stored messages and commits them as history, deleting their work items in
/// the same transaction; until then the work item stays in the database, so a result lost with the process
/// (crash, stop) only means the activity runs again after a restart, as before its result was committed.
/// </summary>
internal sealed class PostedResults
{
    private readonly Dictionary<string, List<InboxMessage>> _byInstance = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _byInstance.Count;
            }
        }
    }

    /// <summary>Posts an activity's result; its id is minus the work item's id (stored messages have positive ids).</summary>
    public void Post(ActivityWorkItem item, string? result, TaskFailureDetails? failure)
    {
        var message = new InboxMessage(
            -item.Id, item.InstanceId, failure is null ? MessageKind.TaskCompleted : MessageKind.TaskFailed, 0,
            item.ExecutionId, item.TaskId, item.Name, result, failure is null ? null : DurableJson.Serialize(failure));
        lock (_gate)
        {
            if (!_byInstance.TryGetValue(item.InstanceId, out var list))
            {
                _byInstance[item.InstanceId] = list = [];
            }

            list.Add(message);
        }
    }

    /// <summary>Takes the instance's posted results, or null when there are none.</summary>
    public List<InboxMessage>? Take(string instanceId)
    {
        lock (_gate)
        {
            return _byInstance.Remove(instanceId, out var list) ? list : null;
        }
    }

    /// <summary>Returns results a step took but did not commit, ahead of any posted since.</summary>
    public void PutBack(string instanceId, List<InboxMessage> results)
    {
        lock (_gate)
        {
            if (_byInstance.TryGetValue(instanceId, out var later))
            {
                results.AddRange(later);
            }

            _byInstance[instanceId] = results;
        }
    }
}

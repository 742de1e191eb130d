using Broadcast.Durable.Dispatch;
using Broadcast.Durable.Storage;

namespace Broadcast.Durable.Commands;

/// <summary>
/// Records an activity's result: deletes its work item and queues the result for the instance, in one
/// transaction. A work item already gone (result applied before, or the instance ended) makes this a no-op,
/// so an activity that ran twice is applied once.
/// </summary>
internal sealed class ActivityResultCommand(IWorkSignals signals, ActivityWorkItem item, string? result, TaskFailureDetails? failure)
    : WriteCommand<bool>
{
    public override string MetricName => "activity_result";

    public override void Execute(WriteSession session)
    {
        if (!session.DeleteActivity(item.Id))
        {
            Result = false;
            return;
        }

        var kind = failure is null ? MessageKind.TaskCompleted : MessageKind.TaskFailed;
        session.InsertMessage(new InboxMessage(
            0, item.InstanceId, kind, session.NowTicks, item.ExecutionId, item.TaskId, item.Name, result,
            failure is null ? null : DurableJson.Serialize(failure)));
        Result = true;
    }

    protected override void OnCommitted()
    {
        if (Result)
        {
            signals.InstanceReady(item.InstanceId);
        }
    }
}

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

        session.InsertMessage(Message(item, result, failure, session.NowTicks));
        Result = true;
    }

    /// <summary>The result as its instance's inbox holds it.</summary>
    public static InboxMessage Message(ActivityWorkItem item, string? result, TaskFailureDetails? failure, long now) => new(
        0, item.InstanceId, failure is null ? MessageKind.TaskCompleted : MessageKind.TaskFailed, now, item.ExecutionId, item.TaskId, item.Name, result,
        failure is null ? null : DurableJson.Serialize(failure));

    protected override void OnCommitted()
    {
        if (Result)
        {
            signals.InstanceReady(item.InstanceId);
        }
    }
}

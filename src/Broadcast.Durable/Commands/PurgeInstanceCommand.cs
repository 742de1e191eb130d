using Broadcast.Durable.Dispatch;
using Broadcast.Durable.Storage;

namespace Broadcast.Durable.Commands;

/// <summary>Deletes a finished instance with its history; running instances are left alone (as in Durable Task).</summary>
internal sealed class PurgeInstanceCommand(IWorkSignals signals, string instanceId) : WriteCommand<bool>
{
    public override string MetricName => "purge";

    public override void Execute(WriteSession session)
    {
        if (session.ReadInstance(instanceId) is not { } row || !InstanceStatuses.IsFinished(row.Status))
        {
            Result = false;
            return;
        }

        session.DeleteHistory(instanceId);
        session.DeleteInstanceMessages(instanceId);
        session.DeleteInstanceActivities(instanceId);
        session.DeleteInstance(instanceId);
        Result = true;
    }

    protected override void OnCommitted()
    {
        if (Result)
        {
            signals.InstanceRemoved(instanceId);
        }
    }
}

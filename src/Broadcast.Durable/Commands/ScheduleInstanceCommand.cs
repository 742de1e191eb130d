using Broadcast.Durable.Dispatch;
using Broadcast.Durable.Storage;

namespace Broadcast.Durable.Commands;

/// <summary>Creates an instance (or replaces a finished one) and queues its start.</summary>
internal sealed class ScheduleInstanceCommand(
    IWorkSignals signals, string instanceId, string name, string? input, DateTimeOffset? startAt) : WriteCommand<string>
{
    public override string MetricName => "schedule";

    private long _visibleAt;
    private bool _replaced;

    public override void Execute(WriteSession session)
    {
        _replaced = false;
        var existing = session.ReadInstance(instanceId);
        if (existing is { } row && !InstanceStatuses.IsFinished(row.Status))
        {
            throw new WriteRejectedException(new InstanceAlreadyExistsException(instanceId));
        }

        var now = session.NowTicks;
        if (existing is not null)
        {
            session.DeleteHistory(instanceId);
            session.DeleteInstanceMessages(instanceId);
            session.DeleteInstanceActivities(instanceId);
            _replaced = true;
        }

        var executionId = Guid.NewGuid().ToString("N");
        session.UpsertInstance(instanceId, name, executionId, input, now, (existing?.Version ?? 0) + 1);
        _visibleAt = Math.Max(now, startAt?.UtcTicks ?? now);
        session.InsertMessage(new InboxMessage(0, instanceId, MessageKind.ExecutionStarted, _visibleAt, executionId, Name: name, Data: input));
        Result = instanceId;
    }

    protected override void OnCommitted()
    {
        if (_replaced)
        {
            signals.InstanceRemoved(instanceId);
        }

        signals.MessageDue(instanceId, _visibleAt);
    }
}

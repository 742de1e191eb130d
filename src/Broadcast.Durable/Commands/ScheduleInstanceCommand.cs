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
        var executionId = Guid.NewGuid().ToString("N");
        var now = session.NowTicks;
        (_, _replaced) = CreateRow(session, instanceId, name, executionId, input, now);
        _visibleAt = Math.Max(now, startAt?.UtcTicks ?? now);
        session.InsertMessage(new InboxMessage(0, instanceId, MessageKind.ExecutionStarted, _visibleAt, executionId, Name: name, Data: input));
        Result = instanceId;
    }

    /// <summary>
    /// Writes the new instance's row, in place of a finished one (whose history, messages and activities go); refuses,
    /// before writing anything, an instance that is still running.
    /// </summary>
    /// <returns>The row's version, and whether it replaced a finished instance.</returns>
    public static (long Version, bool Replaced) CreateRow(WriteSession session, string instanceId, string name, string executionId, string? input, long now)
    {
        var existing = session.ReadInstance(instanceId);
        if (existing is { } row && !InstanceStatuses.IsFinished(row.Status))
        {
            throw new WriteRejectedException(new InstanceAlreadyExistsException(instanceId));
        }

        if (existing is not null)
        {
            session.DeleteHistory(instanceId);
            session.DeleteInstanceMessages(instanceId);
            session.DeleteInstanceActivities(instanceId);
        }

        var version = (existing?.Version ?? 0) + 1;
        session.UpsertInstance(instanceId, name, executionId, input, now, version);
        return (version, existing is not null);
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

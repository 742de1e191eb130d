using Broadcast.Durable.Dispatch;
using Broadcast.Durable.Storage;

namespace Broadcast.Durable.Commands;

/// <summary>
/// Puts a client message (an event, a termination) in an instance's inbox. An unknown instance is an
/// error; a finished one drops the message, as Durable Task does. The result tells whether it was queued.
/// </summary>
internal sealed class SendMessageCommand(IWorkSignals signals, string instanceId, MessageKind kind, string? name, string? data)
    : WriteCommand<bool>
{
    public override string MetricName => "message";

    public override void Execute(WriteSession session)
    {
        var existing = session.ReadInstance(instanceId)
            ?? throw new WriteRejectedException(new InstanceNotFoundException(instanceId));
        if (InstanceStatuses.IsFinished(existing.Status))
        {
            Result = false;
            return;
        }

        session.InsertMessage(new InboxMessage(0, instanceId, kind, session.NowTicks, Name: name, Data: data));
        Result = true;
    }

    protected override void OnCommitted()
    {
        if (Result)
        {
            signals.InstanceReady(instanceId, urgent: true);
        }
    }
}

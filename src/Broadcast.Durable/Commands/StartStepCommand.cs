using Broadcast.Durable.Dispatch;
using Broadcast.Durable.Execution;
using Broadcast.Durable.Storage;

namespace Broadcast.Durable.Commands;

/// <summary>
/// Creates an instance together with its first step, already run: the row, and the step's history, activities and
/// timers, in one transaction. No start message is stored, and the step reads nothing back.
/// </summary>
internal sealed class StartStepCommand(IWorkSignals signals, string instanceId, string? input, StepPlan plan, StepOutcome outcome)
    : WriteCommand<IReadOnlyList<ActivityWorkItem>>
{
    private StepCommand? _step;
    private bool _replaced;

    public override string MetricName => "schedule";

    /// <summary>The row's version before the step; set once the command ran.</summary>
    public long Version { get; private set; }

    public override void Execute(WriteSession session)
    {
        var now = session.NowTicks;
        (Version, _replaced) = ScheduleInstanceCommand.CreateRow(session, instanceId, plan.Name, plan.ExecutionId, input, now);
        // The inner step cannot refuse itself after the row was written: it has the version just written, no work
        // item to find, and the inbox of a new (or just cleared) instance holds nothing.
        _step = new StepCommand(signals, instanceId, Version, plan, outcome);
        _step.Execute(session);
    }

    protected override void OnCommitted()
    {
        if (_replaced)
        {
            signals.InstanceRemoved(instanceId);
        }

        _step!.Committed();
        Result = _step.Scheduled;
    }
}

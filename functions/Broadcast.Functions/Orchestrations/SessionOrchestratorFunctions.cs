using Broadcast.Sessions;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace Broadcast.Functions;

/// <summary>The session orchestrations, each run by the very orchestrator class the embedded engine runs.</summary>
public sealed class SessionOrchestratorFunctions(BroadcastSessionOrchestrator broadcastSession, RecurringScheduleOrchestrator recurringSchedule)
{
    /// <summary>One broadcast session, from the scheduled start to the last stop.</summary>
    [Function(SessionOrchestrations.BroadcastSession)]
    public Task<SessionResult> BroadcastSession([OrchestrationTrigger] TaskOrchestrationContext context, BroadcastSessionInput input) =>
        broadcastSession.RunAsync(new DurableTaskOrchestrationContext(context), input);

    /// <summary>A recurring schedule: an eternal orchestration that starts a session at each occurrence.</summary>
    [Function(SessionOrchestrations.RecurringSchedule)]
    public Task<ScheduleProgress> RecurringSchedule([OrchestrationTrigger] TaskOrchestrationContext context, RecurringScheduleInput input) =>
        recurringSchedule.RunAsync(new DurableTaskOrchestrationContext(context), input);
}

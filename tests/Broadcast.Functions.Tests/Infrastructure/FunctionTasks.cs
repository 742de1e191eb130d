using Broadcast.Ilvb;
using Broadcast.Sessions;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Broadcast.Functions.Tests;

// Each task below is what the Functions runtime does for one function of the app: it binds the trigger's input, the
// orchestration's instance id and, where asked for, the Durable client, and calls the app's own function method.

internal sealed class BroadcastSessionTask(SessionOrchestratorFunctions functions) : TaskOrchestrator<BroadcastSessionInput, SessionResult>
{
    public override Task<SessionResult> RunAsync(TaskOrchestrationContext context, BroadcastSessionInput input) =>
        functions.BroadcastSession(context, input);
}

internal sealed class RecurringScheduleTask(SessionOrchestratorFunctions functions) : TaskOrchestrator<RecurringScheduleInput, ScheduleProgress>
{
    public override Task<ScheduleProgress> RunAsync(TaskOrchestrationContext context, RecurringScheduleInput input) =>
        functions.RecurringSchedule(context, input);
}

internal sealed class StartPushTask(SessionActivityFunctions functions) : TaskActivity<StartPushInput, CallOutcome<StartPushResult>>
{
    public override Task<CallOutcome<StartPushResult>> RunAsync(TaskActivityContext context, StartPushInput input) =>
        functions.StartPush(input, context.InstanceId, CancellationToken.None);
}

internal sealed class StopPushTask(SessionActivityFunctions functions, DurableTaskClient client) : TaskActivity<StopPushInput, CallOutcome<NoPayload>>
{
    public override Task<CallOutcome<NoPayload>> RunAsync(TaskActivityContext context, StopPushInput input) =>
        functions.StopPush(input, client, context.InstanceId, CancellationToken.None);
}

internal sealed class StartRecordingTask(SessionActivityFunctions functions) : TaskActivity<StartRecordingInput, CallOutcome<NoPayload>>
{
    public override Task<CallOutcome<NoPayload>> RunAsync(TaskActivityContext context, StartRecordingInput input) =>
        functions.StartRecording(input, context.InstanceId, CancellationToken.None);
}

internal sealed class StopRecordingTask(SessionActivityFunctions functions, DurableTaskClient client)
    : TaskActivity<StopRecordingInput, CallOutcome<StopRecordingResult>>
{
    public override Task<CallOutcome<StopRecordingResult>> RunAsync(TaskActivityContext context, StopRecordingInput input) =>
        functions.StopRecording(input, client, context.InstanceId, CancellationToken.None);
}

internal sealed class CreateScheduledSessionTask(SessionActivityFunctions functions, DurableTaskClient client)
    : TaskActivity<ScheduledSessionInput, ScheduledSessionOutcome>
{
    public override Task<ScheduledSessionOutcome> RunAsync(TaskActivityContext context, ScheduledSessionInput input) =>
        functions.CreateScheduledSession(input, client, context.InstanceId, CancellationToken.None);
}

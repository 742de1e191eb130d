using Broadcast.Ilvb;
using Broadcast.Sessions;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Broadcast.Functions;

/// <summary>
/// The session activities, each one call into the very activity class the embedded engine runs. The Durable
/// extension binds the calling orchestration's id to the <c>instanceId</c> parameter.
/// </summary>
public sealed class SessionActivityFunctions(
    StartPushActivity startPush,
    StopPushActivity stopPush,
    StartRecordingActivity startRecording,
    StopRecordingActivity stopRecording,
    CreateScheduledSessionActivity createScheduledSession)
{
    /// <summary>Sub-command 0x6, start push.</summary>
    [Function(SessionActivities.StartPush)]
    public Task<CallOutcome<StartPushResult>> StartPush([ActivityTrigger] StartPushInput input, string instanceId, CancellationToken cancellationToken) =>
        startPush.RunAsync(new FunctionsActivityContext(SessionActivities.StartPush, instanceId), input, cancellationToken);

    /// <summary>Sub-command 0x6, stop push (the Durable client finds another session of the anchor that holds the push).</summary>
    [Function(SessionActivities.StopPush)]
    public async Task<CallOutcome<NoPayload>> StopPush(
        [ActivityTrigger] StopPushInput input, [DurableClient] DurableTaskClient client, string instanceId, CancellationToken cancellationToken)
    {
        using var bound = InvocationOrchestrationClient.Use(client);
        return await stopPush.RunAsync(new FunctionsActivityContext(SessionActivities.StopPush, instanceId), input, cancellationToken);
    }

    /// <summary>Sub-command 0x5, start recording.</summary>
    [Function(SessionActivities.StartRecording)]
    public Task<CallOutcome<NoPayload>> StartRecording([ActivityTrigger] StartRecordingInput input, string instanceId, CancellationToken cancellationToken) =>
        startRecording.RunAsync(new FunctionsActivityContext(SessionActivities.StartRecording, instanceId), input, cancellationToken);

    /// <summary>Sub-command 0x5, stop recording (the Durable client finds another session of the anchor that holds the recording).</summary>
    [Function(SessionActivities.StopRecording)]
    public async Task<CallOutcome<StopRecordingResult>> StopRecording(
        [ActivityTrigger] StopRecordingInput input, [DurableClient] DurableTaskClient client, string instanceId, CancellationToken cancellationToken)
    {
        using var bound = InvocationOrchestrationClient.Use(client);
        return await stopRecording.RunAsync(new FunctionsActivityContext(SessionActivities.StopRecording, instanceId), input, cancellationToken);
    }

    /// <summary>Creates the session of one schedule occurrence (through the session service, hence the Durable client).</summary>
    [Function(SessionActivities.CreateScheduledSession)]
    public async Task<ScheduledSessionOutcome> CreateScheduledSession(
        [ActivityTrigger] ScheduledSessionInput input, [DurableClient] DurableTaskClient client, string instanceId, CancellationToken cancellationToken)
    {
        using var bound = InvocationOrchestrationClient.Use(client);
        return await createScheduledSession.RunAsync(
            new FunctionsActivityContext(SessionActivities.CreateScheduledSession, instanceId), input, cancellationToken);
    }
}

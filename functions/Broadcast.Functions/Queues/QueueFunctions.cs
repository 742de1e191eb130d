using Broadcast.Sessions;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace Broadcast.Functions;

/// <summary>
/// The <c>session-requests</c>, <c>user-joined</c> and <c>user-left</c> queues, read by the Functions queue trigger and handled by
/// the <see cref="QueueMessageProcessor"/> the embedded host's listeners use too. A message either succeeds or throws;
/// retries and the poison queue are the runtime's (<c>maxDequeueCount</c> 5 in host.json), so a message the processor
/// poisons is retried like one it would retry (docs/azure-functions.md, "Differences from the embedded host").
/// </summary>
public sealed class QueueFunctions(QueueMessageProcessor processor, ILogger<QueueFunctions> logger)
{
    /// <summary>The session requests queue.</summary>
    public const string SessionRequestsQueue = "session-requests";

    /// <summary>The "user joined" signals queue.</summary>
    public const string UserJoinedQueue = "user-joined";

    /// <summary>The "user left" signals queue (the same messages as <see cref="UserJoinedQueue"/>).</summary>
    public const string UserLeftQueue = "user-left";

    /// <summary>
    /// One session request in JSON. A repeat of an existing request (same key) counts as done, since queues deliver
    /// at least once; a keyless request takes its key from the message id, so a redelivery is a repeat too.
    /// </summary>
    [Function("SessionRequests")]
    public async Task SessionRequests(
        [QueueTrigger(SessionRequestsQueue)] string message, [DurableClient] DurableTaskClient client, FunctionContext context,
        CancellationToken cancellationToken)
    {
        using var bound = InvocationOrchestrationClient.Use(client);
        // The trigger's "Id" binding data is the message id, the same at every delivery: a keyless request's key.
        var messageId = context.BindingContext.BindingData.TryGetValue("Id", out var id) ? id?.ToString() : null;
        var outcome = Act(SessionRequestsQueue, await processor.SessionRequestAsync(message, messageId, cancellationToken));
        Log.QueueSessionCreated(logger, SessionRequestsQueue, outcome.SessionIds[0], outcome.Created);
    }

    /// <summary><c>{"sessionId": "..."}</c> or <c>{"roomId": 1, "userId": "..."}</c>; a live session whose anchor left takes it as the rejoin.</summary>
    [Function("UserJoined")]
    public Task UserJoined(
        [QueueTrigger(UserJoinedQueue)] string message, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken) =>
        SignalAnchorAsync(UserJoinedQueue, PresenceSignal.Joined, message, client, cancellationToken);

    /// <summary>The anchor left the room: the same messages and handling as <c>user-joined</c>.</summary>
    [Function("UserLeft")]
    public Task UserLeft(
        [QueueTrigger(UserLeftQueue)] string message, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken) =>
        SignalAnchorAsync(UserLeftQueue, PresenceSignal.Left, message, client, cancellationToken);

    private async Task SignalAnchorAsync(
        string queue, PresenceSignal presence, string message, DurableTaskClient client, CancellationToken cancellationToken)
    {
        using var bound = InvocationOrchestrationClient.Use(client);
        var outcome = Act(queue, await processor.PresenceSignalAsync(queue, presence, message, cancellationToken));
        foreach (var sessionId in outcome.SessionIds)
        {
            Log.QueueSignalDelivered(logger, queue, sessionId);
        }
    }

    /// <summary>Returns a done outcome; throws for the others, leaving the message to the runtime's retries and poison queue.</summary>
    private QueueOutcome Act(string queue, QueueOutcome outcome)
    {
        if (outcome.Action == QueueAction.Done)
        {
            return outcome;
        }

        var reason = outcome.Errors is { Count: > 0 } errors && outcome.Action == QueueAction.Poison
            ? $"{outcome.Reason} ({QueueMessageProcessor.Describe(errors)})"
            : outcome.Reason ?? "Not handled.";
        Log.QueueMessageNotHandled(logger, queue, reason);
        throw new QueueMessageNotHandledException(reason);
    }
}

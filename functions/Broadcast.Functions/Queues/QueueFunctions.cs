using Broadcast.Sessions;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Broadcast.Functions;

/// <summary>
/// The <c>session-requests</c>, <c>user-joined</c> and <c>user-left</c> queues, read by the Functions queue trigger and handled through
/// <see cref="SessionService"/>. A message either succeeds or throws; retries and the poison queue are the runtime's
/// (<c>maxDequeueCount</c> 5 in host.json).
/// </summary>
public sealed class QueueFunctions(SessionService sessions, IOptions<JsonOptions> json, ILogger<QueueFunctions> logger)
{
    /// <summary>The session requests queue.</summary>
    public const string SessionRequestsQueue = "session-requests";

    /// <summary>The "user joined" signals queue.</summary>
    public const string UserJoinedQueue = "user-joined";

    /// <summary>The "user left" signals queue (the same messages as <see cref="UserJoinedQueue"/>).</summary>
    public const string UserLeftQueue = "user-left";

    /// <summary>
    /// One session request in JSON. A repeat of an existing request (same key) counts as done, since queues deliver
    /// at least once.
    /// </summary>
    [Function("SessionRequests")]
    public async Task SessionRequests(
        [QueueTrigger(SessionRequestsQueue)] string message, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken)
    {
        var request = Parse<SessionRequest>(SessionRequestsQueue, message);
        using var bound = InvocationOrchestrationClient.Use(client);
        try
        {
            var created = await sessions.CreateAsync(request, cancellationToken);
            Log.QueueSessionCreated(logger, SessionRequestsQueue, created.SessionId, created.Created);
        }
        catch (SessionValidationException e)
        {
            throw NotHandled(SessionRequestsQueue, "The session request is not valid: " + QueueJson.Describe(e.Errors), e);
        }
        catch (SessionConflictException e)
        {
            throw NotHandled(SessionRequestsQueue, e.Message, e);
        }
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
        var signal = Parse<UserJoinedMessage>(queue, message);
        var bySession = !string.IsNullOrWhiteSpace(signal.SessionId);
        var byRoom = signal.RoomId is not null || !string.IsNullOrWhiteSpace(signal.UserId);
        if (bySession == byRoom)
        {
            throw NotHandled(queue, $"A {queue} message names either 'sessionId', or 'roomId' and 'userId'.");
        }

        using var bound = InvocationOrchestrationClient.Use(client);
        if (bySession)
        {
            await SignalSessionAsync(queue, presence, signal.SessionId!, cancellationToken);
        }
        else
        {
            await SignalRoomAsync(queue, presence, signal, cancellationToken);
        }
    }

    private async Task SignalSessionAsync(string queue, PresenceSignal presence, string sessionId, CancellationToken cancellationToken)
    {
        switch (await sessions.SignalPresenceAsync(sessionId, presence, cancellationToken))
        {
            case SignalResult.Delivered:
                Log.QueueSignalDelivered(logger, queue, sessionId);
                return;
            case SignalResult.NotFound:
                throw NotHandled(queue, $"No session has the id '{sessionId}' (yet).");
            default:
                throw NotHandled(queue, $"Session '{sessionId}' has already finished; it takes no more signals.");
        }
    }

    private async Task SignalRoomAsync(string queue, PresenceSignal presence, UserJoinedMessage signal, CancellationToken cancellationToken)
    {
        if (signal.RoomId is not { } roomId || string.IsNullOrWhiteSpace(signal.UserId))
        {
            var missing = signal.RoomId is null ? "roomId" : "userId";
            throw NotHandled(queue, $"A {queue} message by room needs both 'roomId' and 'userId'; '{missing}' is missing.");
        }

        IReadOnlyList<string> signalled;
        try
        {
            signalled = await sessions.SignalPresenceAsync(roomId, signal.UserId, presence, cancellationToken);
        }
        catch (SessionValidationException e)
        {
            throw NotHandled(queue, $"The {queue} message is not valid: " + QueueJson.Describe(e.Errors), e);
        }

        if (signalled.Count == 0)
        {
            throw NotHandled(queue, $"No waiting or live session of user '{signal.UserId}' in room {roomId} (yet).");
        }

        foreach (var sessionId in signalled)
        {
            Log.QueueSignalDelivered(logger, queue, sessionId);
        }
    }

    private T Parse<T>(string queue, string message)
        where T : class
    {
        try
        {
            return QueueJson.Parse<T>(message, json.Value.SerializerOptions);
        }
        catch (QueueMessageNotHandledException e)
        {
            Log.QueueMessageNotHandled(logger, queue, e.Message);
            throw;
        }
    }

    private QueueMessageNotHandledException NotHandled(string queue, string reason, Exception? cause = null)
    {
        Log.QueueMessageNotHandled(logger, queue, reason);
        return cause is null ? new QueueMessageNotHandledException(reason) : new QueueMessageNotHandledException(reason, cause);
    }
}

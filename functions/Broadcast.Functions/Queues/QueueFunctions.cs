using Broadcast.Sessions;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Broadcast.Functions;

/// <summary>
/// The <c>session-requests</c> and <c>user-joined</c> queues, read by the Functions queue trigger and handled through
/// <see cref="SessionService"/>. A message either succeeds or throws; retries and the poison queue are the runtime's
/// (<c>maxDequeueCount</c> 5 in host.json).
/// </summary>
public sealed class QueueFunctions(SessionService sessions, IOptions<JsonOptions> json, ILogger<QueueFunctions> logger)
{
    /// <summary>The session requests queue.</summary>
    public const string SessionRequestsQueue = "session-requests";

    /// <summary>The "user joined" signals queue.</summary>
    public const string UserJoinedQueue = "user-joined";

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

    /// <summary><c>{"sessionId": "..."}</c> or <c>{"roomId": 1, "userId": "..."}</c>.</summary>
    [Function("UserJoined")]
    public async Task UserJoined(
        [QueueTrigger(UserJoinedQueue)] string message, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken)
    {
        var signal = Parse<UserJoinedMessage>(UserJoinedQueue, message);
        var bySession = !string.IsNullOrWhiteSpace(signal.SessionId);
        var byRoom = signal.RoomId is not null || !string.IsNullOrWhiteSpace(signal.UserId);
        if (bySession == byRoom)
        {
            throw NotHandled(UserJoinedQueue, "A user-joined message names either 'sessionId', or 'roomId' and 'userId'.");
        }

        using var bound = InvocationOrchestrationClient.Use(client);
        if (bySession)
        {
            await SignalSessionAsync(signal.SessionId!, cancellationToken);
        }
        else
        {
            await SignalRoomAsync(signal, cancellationToken);
        }
    }

    private async Task SignalSessionAsync(string sessionId, CancellationToken cancellationToken)
    {
        switch (await sessions.SignalUserJoinedAsync(sessionId, cancellationToken))
        {
            case SignalResult.Delivered:
                Log.QueueSignalDelivered(logger, UserJoinedQueue, sessionId);
                return;
            case SignalResult.NotFound:
                throw NotHandled(UserJoinedQueue, $"No session has the id '{sessionId}' (yet).");
            default:
                throw NotHandled(UserJoinedQueue, $"Session '{sessionId}' has already finished; it takes no more signals.");
        }
    }

    private async Task SignalRoomAsync(UserJoinedMessage signal, CancellationToken cancellationToken)
    {
        if (signal.RoomId is not { } roomId || string.IsNullOrWhiteSpace(signal.UserId))
        {
            var missing = signal.RoomId is null ? "roomId" : "userId";
            throw NotHandled(UserJoinedQueue, $"A user-joined message by room needs both 'roomId' and 'userId'; '{missing}' is missing.");
        }

        IReadOnlyList<string> signalled;
        try
        {
            signalled = await sessions.SignalUserJoinedAsync(roomId, signal.UserId, cancellationToken);
        }
        catch (SessionValidationException e)
        {
            throw NotHandled(UserJoinedQueue, "The user-joined message is not valid: " + QueueJson.Describe(e.Errors), e);
        }

        if (signalled.Count == 0)
        {
            throw NotHandled(UserJoinedQueue, $"No running session waits for user '{signal.UserId}' in room {roomId} (yet).");
        }

        foreach (var sessionId in signalled)
        {
            Log.QueueSignalDelivered(logger, UserJoinedQueue, sessionId);
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

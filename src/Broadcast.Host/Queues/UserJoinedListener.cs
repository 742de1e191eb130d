using Broadcast.Sessions;
using Microsoft.Extensions.Options;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Broadcast.Host;

/// <summary>
/// <c>user-joined</c>: <c>{"sessionId": "..."}</c> or <c>{"roomId": 1, "userId": "..."}</c>. A signal nobody takes yet
/// (unknown session, no session waiting in the room) is retried, because the session request may still be on its way
/// through the other queue; after the last attempt it is poisoned with that reason. A signal for a finished session
/// and a malformed message are poisoned at once.
/// </summary>
internal sealed class UserJoinedListener(
    SessionService sessions,
    IOptions<QueueOptions> options,
    IOptions<JsonOptions> json,
    TimeProvider time,
    HostMetrics metrics,
    ILogger<UserJoinedListener> logger)
    : QueueListener(options.Value.UserJoinedQueue, options.Value, time, metrics, logger)
{
    protected override async Task HandleAsync(string message, CancellationToken cancellationToken)
    {
        var signal = ParseJson<UserJoinedMessage>(message, json.Value.SerializerOptions);
        var bySession = !string.IsNullOrWhiteSpace(signal.SessionId);
        var byRoom = signal.RoomId is not null || !string.IsNullOrWhiteSpace(signal.UserId);
        if (bySession == byRoom)
        {
            throw new QueueMessageRejectedException(
                "A user-joined message names either 'sessionId', or 'roomId' and 'userId'.",
                new Dictionary<string, string[]> { ["sessionId"] = ["Give either sessionId, or roomId and userId."] });
        }

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
                Log.QueueSignalDelivered(Logger, QueueName, sessionId);
                return;
            case SignalResult.NotFound:
                throw new SignalNotDeliveredException($"No session has the id '{sessionId}' (yet).");
            default:
                throw new QueueMessageRejectedException($"Session '{sessionId}' has already finished; it takes no more signals.");
        }
    }

    private async Task SignalRoomAsync(UserJoinedMessage signal, CancellationToken cancellationToken)
    {
        if (signal.RoomId is not { } roomId || string.IsNullOrWhiteSpace(signal.UserId))
        {
            var missing = signal.RoomId is null ? "roomId" : "userId";
            throw new QueueMessageRejectedException(
                $"A user-joined message by room needs both 'roomId' and 'userId'; '{missing}' is missing.",
                new Dictionary<string, string[]> { [missing] = [$"The {missing} field is required with a room signal."] });
        }

        IReadOnlyList<string> signalled;
        try
        {
            signalled = await sessions.SignalUserJoinedAsync(roomId, signal.UserId, cancellationToken);
        }
        catch (SessionValidationException e)
        {
            throw new QueueMessageRejectedException("The user-joined message is not valid.", e.Errors);
        }

        if (signalled.Count == 0)
        {
            throw new SignalNotDeliveredException($"No running session waits for user '{signal.UserId}' in room {roomId} (yet).");
        }

        foreach (var sessionId in signalled)
        {
            Log.QueueSignalDelivered(Logger, QueueName, sessionId);
        }
    }
}

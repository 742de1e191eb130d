using Broadcast.Sessions;
using Microsoft.Extensions.Options;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Broadcast.Host;

/// <summary>
/// A queue of the anchor's presence signals (<c>user-joined</c>, <c>user-left</c>): <c>{"sessionId": "..."}</c> or
/// <c>{"roomId": 1, "userId": "..."}</c>. A signal nobody takes yet (unknown session, no waiting or live session of that
/// anchor in the room) is retried, because the session request may still be on its way through the other queue; after
/// the last attempt it is poisoned with that reason. A signal for a finished session and a malformed message are
/// poisoned at once.
/// </summary>
internal abstract class AnchorSignalListener(
    string queueName,
    PresenceSignal signal,
    SessionService sessions,
    IOptions<QueueOptions> options,
    IOptions<JsonOptions> json,
    TimeProvider time,
    HostMetrics metrics,
    ILogger logger)
    : QueueListener(queueName, options.Value, time, metrics, logger)
{
    /// <summary>How messages of this queue are called in poison reasons (<c>user-joined</c>, <c>user-left</c>).</summary>
    protected abstract string MessageKind { get; }

    protected override async Task HandleAsync(string message, CancellationToken cancellationToken)
    {
        var target = ParseJson<UserJoinedMessage>(message, json.Value.SerializerOptions);
        var bySession = !string.IsNullOrWhiteSpace(target.SessionId);
        var byRoom = target.RoomId is not null || !string.IsNullOrWhiteSpace(target.UserId);
        if (bySession == byRoom)
        {
            throw new QueueMessageRejectedException(
                $"A {MessageKind} message names either 'sessionId', or 'roomId' and 'userId'.",
                new Dictionary<string, string[]> { ["sessionId"] = ["Give either sessionId, or roomId and userId."] });
        }

        if (bySession)
        {
            await SignalSessionAsync(target.SessionId!, cancellationToken);
        }
        else
        {
            await SignalRoomAsync(target, cancellationToken);
        }
    }

    private async Task SignalSessionAsync(string sessionId, CancellationToken cancellationToken)
    {
        switch (await sessions.SignalPresenceAsync(sessionId, signal, cancellationToken))
        {
            case SignalResult.Delivered:
                Log.QueueSignalDelivered(Logger, QueueName, signal.EventName, sessionId);
                return;
            case SignalResult.NotFound:
                throw new SignalNotDeliveredException($"No session has the id '{sessionId}' (yet).");
            default:
                throw new QueueMessageRejectedException($"Session '{sessionId}' has already finished; it takes no more signals.");
        }
    }

    private async Task SignalRoomAsync(UserJoinedMessage target, CancellationToken cancellationToken)
    {
        if (target.RoomId is not { } roomId || string.IsNullOrWhiteSpace(target.UserId))
        {
            var missing = target.RoomId is null ? "roomId" : "userId";
            throw new QueueMessageRejectedException(
                $"A {MessageKind} message by room needs both 'roomId' and 'userId'; '{missing}' is missing.",
                new Dictionary<string, string[]> { [missing] = [$"The {missing} field is required with a room signal."] });
        }

        IReadOnlyList<string> signalled;
        try
        {
            signalled = await sessions.SignalPresenceAsync(roomId, target.UserId, signal, cancellationToken);
        }
        catch (SessionValidationException e)
        {
            throw new QueueMessageRejectedException($"The {MessageKind} message is not valid.", e.Errors);
        }

        if (signalled.Count == 0)
        {
            throw new SignalNotDeliveredException($"No waiting or live session of user '{target.UserId}' in room {roomId} (yet).");
        }

        foreach (var sessionId in signalled)
        {
            Log.QueueSignalDelivered(Logger, QueueName, signal.EventName, sessionId);
        }
    }
}

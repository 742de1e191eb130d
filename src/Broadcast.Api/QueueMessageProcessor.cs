using System.Text.Json;
using Broadcast.Sessions;

namespace Broadcast.Api;

/// <summary>
/// The queue message handling of both hosts, apart from any queue: a message's text in, a <see cref="QueueOutcome"/>
/// out. The host's listeners and the Functions queue triggers only act on the outcome (delete, let reappear, poison).
/// </summary>
/// <param name="sessions">The session service the messages go to.</param>
/// <param name="serializerOptions">The HTTP API's JSON options: a message reads exactly like the matching request body.</param>
public sealed class QueueMessageProcessor(SessionService sessions, JsonSerializerOptions serializerOptions)
{
    /// <summary>
    /// <c>session-requests</c>: a session request in JSON. Bad JSON, invalid fields and a conflicting id are poisoned; a
    /// repeat of an existing request (same key) is done, since queues deliver at least once. A request without a key
    /// takes <c>q-{messageId}</c> as its key, so a redelivery of the same message is a repeat too, not a second session.
    /// </summary>
    /// <param name="message">The message text.</param>
    /// <param name="messageId">The queue's id of the message; null (or not usable as a key) leaves a keyless request without one.</param>
    /// <param name="cancellationToken">Cancels the handling.</param>
    public async Task<QueueOutcome> SessionRequestAsync(string message, string? messageId, CancellationToken cancellationToken)
    {
        if (Parse<SessionRequest>(message, out var request) is { } bad)
        {
            return bad;
        }

        if (request!.Key is null && SessionIds.ForQueueMessage(messageId) is { } key)
        {
            request = request with { Key = key };
        }

        try
        {
            var created = await sessions.CreateAsync(request, cancellationToken);
            return QueueOutcome.Done([created.SessionId], created.Created);
        }
        catch (SessionValidationException e)
        {
            return QueueOutcome.Poison("The session request is not valid: " + Describe(e.Errors), e.Errors);
        }
        catch (SessionConflictException e)
        {
            return QueueOutcome.Poison(e.Message);
        }
    }

    /// <summary>
    /// <c>user-joined</c> / <c>user-left</c>: <c>{"sessionId": "..."}</c> or <c>{"roomId": 1, "userId": "..."}</c>. A signal
    /// nobody takes yet (unknown session, no waiting or live session of that anchor in the room) is retried, because the
    /// session request may still be on its way through the other queue; a signal for a finished session and a malformed
    /// message are poisoned.
    /// </summary>
    /// <param name="messageKind">How the queue's messages are called in reasons (<c>user-joined</c>, <c>user-left</c>).</param>
    /// <param name="signal">The signal the queue carries.</param>
    /// <param name="message">The message text.</param>
    /// <param name="cancellationToken">Cancels the handling.</param>
    public async Task<QueueOutcome> PresenceSignalAsync(string messageKind, PresenceSignal signal, string message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(signal);
        if (Parse<UserJoinedMessage>(message, out var target) is { } bad)
        {
            return bad;
        }

        var bySession = !string.IsNullOrWhiteSpace(target!.SessionId);
        var byRoom = target.RoomId is not null || !string.IsNullOrWhiteSpace(target.UserId);
        if (bySession == byRoom)
        {
            return QueueOutcome.Poison(
                $"A {messageKind} message names either 'sessionId', or 'roomId' and 'userId'.",
                new Dictionary<string, string[]> { ["sessionId"] = ["Give either sessionId, or roomId and userId."] });
        }

        return bySession
            ? await SignalSessionAsync(target.SessionId!, signal, cancellationToken)
            : await SignalRoomAsync(messageKind, target, signal, cancellationToken);
    }

    /// <summary>Field errors as one line: <c>field: message; other: message</c>.</summary>
    public static string Describe(IReadOnlyDictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return string.Join("; ", errors.Select(error => $"{error.Key}: {string.Join(" ", error.Value)}"));
    }

    private async Task<QueueOutcome> SignalSessionAsync(string sessionId, PresenceSignal signal, CancellationToken cancellationToken) =>
        await sessions.SignalPresenceAsync(sessionId, signal, cancellationToken) switch
        {
            SignalResult.Delivered => QueueOutcome.Done([sessionId]),
            SignalResult.NotFound => QueueOutcome.Retry($"No session has the id {EchoedText.Quote(sessionId)} (yet)."),
            _ => QueueOutcome.Poison($"Session {EchoedText.Quote(sessionId)} has already finished; it takes no more signals."),
        };

    private async Task<QueueOutcome> SignalRoomAsync(string messageKind, UserJoinedMessage target, PresenceSignal signal, CancellationToken cancellationToken)
    {
        if (target.RoomId is not { } roomId || string.IsNullOrWhiteSpace(target.UserId))
        {
            var missing = target.RoomId is null ? "roomId" : "userId";
            return QueueOutcome.Poison(
                $"A {messageKind} message by room needs both 'roomId' and 'userId'; '{missing}' is missing.",
                new Dictionary<string, string[]> { [missing] = [$"The {missing} field is required with a room signal."] });
        }

        IReadOnlyList<string> signalled;
        try
        {
            signalled = await sessions.SignalPresenceAsync(roomId, target.UserId, signal, cancellationToken);
        }
        catch (SessionValidationException e)
        {
            return QueueOutcome.Poison($"The {messageKind} message is not valid.", e.Errors);
        }

        return signalled.Count == 0
            ? QueueOutcome.Retry($"No waiting or live session of user {EchoedText.Quote(target.UserId)} in room {roomId} (yet).")
            : QueueOutcome.Done(signalled);
    }

    /// <summary>Reads <typeparamref name="T"/>; returns the poison outcome for bad JSON (naming the field) or JSON null.</summary>
    private QueueOutcome? Parse<T>(string message, out T? value)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(message);
        try
        {
            value = JsonSerializer.Deserialize<T>(message, serializerOptions);
        }
        catch (JsonException e)
        {
            value = null;
            var path = JsonErrors.FieldOf(e.Path);
            var error = JsonErrors.MessageOf(e);
            return QueueOutcome.Poison(
                $"The message is not a valid {typeof(T).Name} in JSON: at '{path}': {error}",
                new Dictionary<string, string[]> { [path] = [error] });
        }

        return value is null ? QueueOutcome.Poison($"The message is JSON null, not a {typeof(T).Name}.") : null;
    }
}

using Broadcast.Sessions;
using Microsoft.Extensions.Options;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Broadcast.Host;

/// <summary>
/// A queue of the anchor's presence signals (<c>user-joined</c>, <c>user-left</c>), handled by the
/// <see cref="QueueMessageProcessor"/> both hosts share: a signal nobody takes yet is retried, because the session
/// request may still be on its way through the other queue, and after the last attempt it is poisoned with that reason;
/// a signal for a finished session and a malformed message are poisoned at once.
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
    private readonly QueueMessageProcessor _processor = new(sessions, json.Value.SerializerOptions);

    /// <summary>How messages of this queue are called in poison reasons (<c>user-joined</c>, <c>user-left</c>).</summary>
    protected abstract string MessageKind { get; }

    protected override async Task HandleAsync(string message, string messageId, CancellationToken cancellationToken)
    {
        var outcome = await _processor.PresenceSignalAsync(MessageKind, signal, message, cancellationToken);
        ThrowUnlessDone(outcome);
        foreach (var sessionId in outcome.SessionIds)
        {
            Log.QueueSignalDelivered(Logger, QueueName, signal.EventName, sessionId);
        }
    }
}

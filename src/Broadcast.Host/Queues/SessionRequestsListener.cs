using Broadcast.Sessions;
using Microsoft.Extensions.Options;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Broadcast.Host;

/// <summary>
/// <c>session-requests</c>: each message is a session request in JSON, handled by the <see cref="QueueMessageProcessor"/>
/// both hosts share. Bad JSON, invalid fields and a conflicting id are poisoned at once; a repeat of an existing request
/// (same key) counts as done, since queues deliver at least once; a keyless one takes its key from the message id.
/// </summary>
internal sealed class SessionRequestsListener(
    SessionService sessions,
    IOptions<QueueOptions> options,
    IOptions<JsonOptions> json,
    TimeProvider time,
    HostMetrics metrics,
    ILogger<SessionRequestsListener> logger)
    : QueueListener(options.Value.SessionRequestsQueue, options.Value, time, metrics, logger)
{
    private readonly QueueMessageProcessor _processor = new(sessions, json.Value.SerializerOptions);

    protected override async Task HandleAsync(string message, string messageId, CancellationToken cancellationToken)
    {
        var outcome = await _processor.SessionRequestAsync(message, messageId, cancellationToken);
        ThrowUnlessDone(outcome);
        if (outcome.Created)
        {
            Metrics.SessionCreated(HostMetrics.SourceQueue);
        }

        Log.QueueSessionCreated(Logger, QueueName, outcome.SessionIds[0], outcome.Created);
    }
}

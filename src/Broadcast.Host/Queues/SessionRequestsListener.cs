using Broadcast.Sessions;
using Microsoft.Extensions.Options;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Broadcast.Host;

/// <summary>
/// <c>session-requests</c>: each message is a session request in JSON. Bad JSON, invalid fields and a conflicting id
/// are poisoned at once; a repeat of an existing request (same key) counts as done, since queues deliver at least once.
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
    protected override async Task HandleAsync(string message, CancellationToken cancellationToken)
    {
        var request = ParseJson<SessionRequest>(message, json.Value.SerializerOptions);
        try
        {
            var created = await sessions.CreateAsync(request, cancellationToken);
            if (created.Created)
            {
                Metrics.SessionCreated(HostMetrics.SourceQueue);
            }

            Log.QueueSessionCreated(Logger, QueueName, created.SessionId, created.Created);
        }
        catch (SessionValidationException e)
        {
            throw new QueueMessageRejectedException("The session request is not valid: " + Describe(e.Errors), e.Errors);
        }
        catch (SessionConflictException e)
        {
            throw new QueueMessageRejectedException(e.Message);
        }
    }

    private static string Describe(IReadOnlyDictionary<string, string[]> errors) =>
        string.Join("; ", errors.Select(error => $"{error.Key}: {string.Join(" ", error.Value)}"));
}

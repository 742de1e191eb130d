using Broadcast.Sessions;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Broadcast.Functions;

/// <summary>
/// <c>/api/sessions</c>: the same routes, bodies and answers as the embedded host's sessions API, all through
/// <see cref="SessionService"/>.
/// </summary>
public sealed class SessionsFunctions(SessionService sessions, JsonBodyReader requests)
{
    /// <summary>POST /api/sessions: 201 with the session's links, 200 for an idempotent repeat.</summary>
    [Function("CreateSession")]
    public async Task<IResult> CreateSession(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "sessions")] HttpRequest http,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        var (request, problem) = await requests.ReadAsync<SessionRequest>(http, required: true, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        using var bound = InvocationOrchestrationClient.Use(client);
        try
        {
            var created = await sessions.CreateAsync(request!, cancellationToken);
            var links = SessionLinks.For(ApiAddress.Forwarded(http), created.SessionId, created.Created);
            return created.Created ? TypedResults.Created(links.StatusUrl, links) : TypedResults.Ok(links);
        }
        catch (SessionValidationException e)
        {
            return Problems.Invalid(e.Errors);
        }
        catch (SessionConflictException e)
        {
            return Problems.Conflict(e.Message);
        }
    }

    /// <summary>GET /api/sessions?status=&amp;roomId=&amp;userId=&amp;pageSize=&amp;continuationToken=.</summary>
    [Function("ListSessions")]
    public async Task<IResult> ListSessions(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "sessions")] HttpRequest http,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        if (SessionListQueryParser.TryParse(http.Query, out var query) is { } invalid)
        {
            return invalid;
        }

        using var bound = InvocationOrchestrationClient.Use(client);
        try
        {
            return TypedResults.Ok(await sessions.ListAsync(query, cancellationToken));
        }
        catch (SessionValidationException e)
        {
            return Problems.Invalid(e.Errors);
        }
    }

    /// <summary>GET /api/sessions/{id}: status, phase, result and timeline.</summary>
    [Function("GetSession")]
    public async Task<IResult> GetSession(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "sessions/{id}")] HttpRequest http,
        string id,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        using var bound = InvocationOrchestrationClient.Use(client);
        var view = await sessions.GetAsync(id, cancellationToken);
        return view is null ? Problems.SessionNotFound(id) : TypedResults.Ok(view);
    }

    /// <summary>POST /api/sessions/{id}/user-joined: 202, 404 or 409.</summary>
    [Function("SignalUserJoined")]
    public async Task<IResult> SignalUserJoined(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "sessions/{id}/user-joined")] HttpRequest http,
        string id,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        using var bound = InvocationOrchestrationClient.Use(client);
        return ToResult(await sessions.SignalUserJoinedAsync(id, cancellationToken), id, http);
    }

    /// <summary>POST /api/sessions/{id}/user-left: 202, 404 or 409.</summary>
    [Function("SignalUserLeft")]
    public async Task<IResult> SignalUserLeft(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "sessions/{id}/user-left")] HttpRequest http,
        string id,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        using var bound = InvocationOrchestrationClient.Use(client);
        return ToResult(await sessions.SignalUserLeftAsync(id, cancellationToken), id, http);
    }

    /// <summary>POST /api/sessions/{id}/cancel with an optional <c>{"reason": "..."}</c>: 202, 404 or 409.</summary>
    [Function("CancelSession")]
    public async Task<IResult> CancelSession(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "sessions/{id}/cancel")] HttpRequest http,
        string id,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        var (body, problem) = await requests.ReadAsync<CancelRequest>(http, required: false, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        using var bound = InvocationOrchestrationClient.Use(client);
        return ToResult(await sessions.CancelAsync(id, body?.Reason, cancellationToken), id, http);
    }

    private static IResult ToResult(SignalResult result, string id, HttpRequest http) => result switch
    {
        SignalResult.Delivered => TypedResults.Accepted(SessionLinks.For(ApiAddress.Forwarded(http), id, created: false).StatusUrl),
        SignalResult.NotFound => Problems.SessionNotFound(id),
        _ => Problems.SessionFinished(id),
    };
}

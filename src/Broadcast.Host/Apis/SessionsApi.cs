using Broadcast.Sessions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Broadcast.Host;

/// <summary>The sessions resource: create, read, list, signal and cancel broadcast sessions.</summary>
public static class SessionsApi
{
    /// <summary>Maps <c>/api/sessions</c>.</summary>
    public static RouteGroupBuilder MapSessionsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/sessions").WithTags("Sessions");

        api.MapPost("/", CreateSession)
            .WithName("CreateSession")
            .WithSummary("Starts a broadcast session; an explicit key makes the call idempotent.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/", ListSessions)
            .WithName("ListSessions")
            .WithSummary("Lists sessions, filtered by status or by room and anchor, one page at a time.");
        api.MapGet("/{id}", GetSession)
            .WithName("GetSession")
            .WithSummary("Reads a session: status, phase, result and timeline.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/{id}/user-joined", SignalUserJoined)
            .WithName("SignalUserJoined")
            .WithSummary("Tells the session that its anchor joined the room.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/{id}/user-left", SignalUserLeft)
            .WithName("SignalUserLeft")
            .WithSummary("Tells the session that its anchor left the room; a live session stops unless they rejoin within its leave grace.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/{id}/cancel", CancelSession)
            .WithName("CancelSession")
            .WithSummary("Ends the session; whatever was started is stopped.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        return api;
    }

    /// <summary>POST /api/sessions.</summary>
    public static async Task<Results<Created<SessionLinks>, Ok<SessionLinks>, ValidationProblem, ProblemHttpResult>> CreateSession(
        SessionRequest request, HttpRequest http, SessionService sessions, HostMetrics metrics, CancellationToken cancellationToken)
    {
        try
        {
            var created = await sessions.CreateAsync(request, cancellationToken);
            var links = SessionLinks.For(http, created.SessionId, created.Created);
            if (!created.Created)
            {
                return TypedResults.Ok(links);
            }

            metrics.SessionCreated(HostMetrics.SourceHttp);
            return TypedResults.Created(links.StatusUrl, links);
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

    /// <summary>GET /api/sessions.</summary>
    public static async Task<Results<Ok<SessionPage>, ValidationProblem>> ListSessions(
        SessionService sessions,
        string? status,
        uint? roomId,
        string? userId,
        int? pageSize,
        string? continuationToken,
        CancellationToken cancellationToken)
    {
        if (SessionListQueryParser.TryCreate(status, roomId, userId, pageSize, continuationToken, out var query) is { } invalid)
        {
            return invalid;
        }

        try
        {
            return TypedResults.Ok(await sessions.ListAsync(query, cancellationToken));
        }
        catch (SessionValidationException e)
        {
            return Problems.Invalid(e.Errors);
        }
    }

    /// <summary>GET /api/sessions/{id}.</summary>
    public static async Task<Results<Ok<SessionView>, ProblemHttpResult>> GetSession(
        string id, SessionService sessions, CancellationToken cancellationToken)
    {
        var view = await sessions.GetAsync(id, cancellationToken);
        return view is null ? Problems.SessionNotFound(id) : TypedResults.Ok(view);
    }

    /// <summary>POST /api/sessions/{id}/user-joined.</summary>
    public static async Task<Results<Accepted, ProblemHttpResult>> SignalUserJoined(
        string id, HttpRequest http, SessionService sessions, CancellationToken cancellationToken) =>
        ToResult(await sessions.SignalUserJoinedAsync(id, cancellationToken), id, http);

    /// <summary>POST /api/sessions/{id}/user-left.</summary>
    public static async Task<Results<Accepted, ProblemHttpResult>> SignalUserLeft(
        string id, HttpRequest http, SessionService sessions, CancellationToken cancellationToken) =>
        ToResult(await sessions.SignalUserLeftAsync(id, cancellationToken), id, http);

    /// <summary>POST /api/sessions/{id}/cancel with an optional <c>{"reason": "..."}</c>.</summary>
    public static async Task<Results<Accepted, ProblemHttpResult>> CancelSession(
        string id, CancelRequest? body, HttpRequest http, SessionService sessions, CancellationToken cancellationToken) =>
        ToResult(await sessions.CancelAsync(id, body?.Reason, cancellationToken), id, http);

    private static Results<Accepted, ProblemHttpResult> ToResult(SignalResult result, string id, HttpRequest http) => result switch
    {
        SignalResult.Delivered => TypedResults.Accepted(SessionLinks.StatusUrlOf(ApiAddress.Own(http), id)),
        SignalResult.NotFound => Problems.SessionNotFound(id),
        _ => Problems.SessionFinished(id),
    };
}

using Broadcast.Sessions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Broadcast.Host;

/// <summary>Recurring schedules: a cron expression, a time zone and a session template; each occurrence starts a session.</summary>
public static class SchedulesApi
{
    /// <summary>Maps <c>/api/schedules</c>.</summary>
    public static RouteGroupBuilder MapSchedulesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/schedules").WithTags("Schedules");

        api.MapPost("/", CreateSchedule)
            .WithName("CreateSchedule")
            .WithSummary("Creates a recurring schedule.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/", ListSchedules)
            .WithName("ListSchedules")
            .WithSummary("Lists the schedules.");
        api.MapGet("/{id}", GetSchedule)
            .WithName("GetSchedule")
            .WithSummary("Reads a schedule and its next occurrence.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapDelete("/{id}", DeleteSchedule)
            .WithName("DeleteSchedule")
            .WithSummary("Deletes a schedule; sessions it already started go on.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        return api;
    }

    /// <summary>POST /api/schedules.</summary>
    public static async Task<Results<Created<ScheduleView>, ValidationProblem, ProblemHttpResult>> CreateSchedule(
        ScheduleRequest request, HttpRequest http, SessionService sessions, CancellationToken cancellationToken)
    {
        try
        {
            var schedule = await sessions.CreateScheduleAsync(request, cancellationToken);
            var location = new Uri($"{http.Scheme}://{http.Host}{http.PathBase}/api/schedules/{Uri.EscapeDataString(schedule.Id)}");
            return TypedResults.Created(location, schedule);
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

    /// <summary>GET /api/schedules.</summary>
    public static async Task<Ok<IReadOnlyList<ScheduleView>>> ListSchedules(SessionService sessions, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sessions.ListSchedulesAsync(cancellationToken));

    /// <summary>GET /api/schedules/{id}.</summary>
    public static async Task<Results<Ok<ScheduleView>, ProblemHttpResult>> GetSchedule(
        string id, SessionService sessions, CancellationToken cancellationToken)
    {
        var schedule = await sessions.GetScheduleAsync(id, cancellationToken);
        return schedule is null ? Problems.ScheduleNotFound(id) : TypedResults.Ok(schedule);
    }

    /// <summary>DELETE /api/schedules/{id}.</summary>
    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteSchedule(
        string id, SessionService sessions, CancellationToken cancellationToken) =>
        await sessions.DeleteScheduleAsync(id, cancellationToken) ? TypedResults.NoContent() : Problems.ScheduleNotFound(id);
}

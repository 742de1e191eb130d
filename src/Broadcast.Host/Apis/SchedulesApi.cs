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
            .WithSummary("Reads a schedule, its next occurrence and a preview of the next ones (?preview=N, default 5, at most 100).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/{id}/pause", PauseSchedule)
            .WithName("PauseSchedule")
            .WithSummary("Pauses a schedule: no occurrence runs until it is resumed.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/{id}/resume", ResumeSchedule)
            .WithName("ResumeSchedule")
            .WithSummary("Resumes a paused schedule from now; the occurrences that fell in the pause are skipped.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapDelete("/{id}", DeleteSchedule)
            .WithName("DeleteSchedule")
            .WithSummary("Deletes a schedule; sessions it already started go on.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        return api;
    }

    /// <summary>POST /api/schedules.</summary>
    public static async Task<Results<Created<ScheduleView>, Ok<ScheduleView>, ValidationProblem, ProblemHttpResult>> CreateSchedule(
        ScheduleRequest request, HttpRequest http, SessionService sessions, CancellationToken cancellationToken)
    {
        try
        {
            var (schedule, created) = await sessions.StartScheduleAsync(request, cancellationToken);
            if (!created)
            {
                return TypedResults.Ok(schedule); // a repeat, as a repeated session create answers
            }

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

    /// <summary>GET /api/schedules/{id}?preview=N.</summary>
    public static async Task<Results<Ok<ScheduleView>, ValidationProblem, ProblemHttpResult>> GetSchedule(
        string id, int? preview, SessionService sessions, CancellationToken cancellationToken)
    {
        try
        {
            var schedule = await sessions.GetScheduleAsync(id, preview ?? ScheduleView.DefaultPreview, cancellationToken);
            return schedule is null ? Problems.ScheduleNotFound(id) : TypedResults.Ok(schedule);
        }
        catch (SessionValidationException e)
        {
            return Problems.Invalid(e.Errors);
        }
    }

    /// <summary>POST /api/schedules/{id}/pause: 202, the schedule takes the event in order with other pauses and resumes.</summary>
    public static async Task<Results<Accepted, ProblemHttpResult>> PauseSchedule(
        string id, HttpRequest http, SessionService sessions, CancellationToken cancellationToken) =>
        ToResult(await sessions.PauseScheduleAsync(id, cancellationToken), id, http);

    /// <summary>POST /api/schedules/{id}/resume: 202.</summary>
    public static async Task<Results<Accepted, ProblemHttpResult>> ResumeSchedule(
        string id, HttpRequest http, SessionService sessions, CancellationToken cancellationToken) =>
        ToResult(await sessions.ResumeScheduleAsync(id, cancellationToken), id, http);

    /// <summary>DELETE /api/schedules/{id}.</summary>
    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteSchedule(
        string id, SessionService sessions, CancellationToken cancellationToken) =>
        await sessions.DeleteScheduleAsync(id, cancellationToken) ? TypedResults.NoContent() : Problems.ScheduleNotFound(id);

    private static Results<Accepted, ProblemHttpResult> ToResult(SignalResult result, string id, HttpRequest http) => result switch
    {
        SignalResult.Delivered => TypedResults.Accepted(new Uri($"{http.Scheme}://{http.Host}{http.PathBase}/api/schedules/{Uri.EscapeDataString(id)}")),
        SignalResult.NotFound => Problems.ScheduleNotFound(id),
        _ => Problems.ScheduleEnded(id),
    };
}

using Broadcast.Sessions;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Broadcast.Functions;

/// <summary><c>/api/schedules</c>: recurring schedules, as the embedded host serves them.</summary>
public sealed class SchedulesFunctions(SessionService sessions, JsonBodyReader requests)
{
    /// <summary>POST /api/schedules: 201 with the schedule, 200 when the same request had already started it.</summary>
    [Function("CreateSchedule")]
    public async Task<IResult> CreateSchedule(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "schedules")] HttpRequest http,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        var (request, problem) = await requests.ReadAsync<ScheduleRequest>(http, required: true, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        using var bound = InvocationOrchestrationClient.Use(client);
        try
        {
            var (schedule, created) = await sessions.StartScheduleAsync(request!, cancellationToken);
            if (!created)
            {
                return TypedResults.Ok(schedule); // a repeat, as a repeated session create answers
            }

            var location = new Uri($"{ApiAddress.Forwarded(http)}/api/schedules/{Uri.EscapeDataString(schedule.Id)}");
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
    [Function("ListSchedules")]
    public async Task<IResult> ListSchedules(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "schedules")] HttpRequest http,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        using var bound = InvocationOrchestrationClient.Use(client);
        return TypedResults.Ok(await sessions.ListSchedulesAsync(cancellationToken));
    }

    /// <summary>GET /api/schedules/{id}?preview=N (default 5, at most 100): the schedule and its next occurrences.</summary>
    [Function("GetSchedule")]
    public async Task<IResult> GetSchedule(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "schedules/{id}")] HttpRequest http,
        string id,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        if (QueryParameters.TryInt32("preview", QueryParameters.Text(http.Query, "preview"), out var preview) is { } invalid)
        {
            return invalid;
        }

        using var bound = InvocationOrchestrationClient.Use(client);
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

    /// <summary>POST /api/schedules/{id}/pause: 202, 404 or 409 (ended).</summary>
    [Function("PauseSchedule")]
    public async Task<IResult> PauseSchedule(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "schedules/{id}/pause")] HttpRequest http,
        string id,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        using var bound = InvocationOrchestrationClient.Use(client);
        return ToResult(await sessions.PauseScheduleAsync(id, cancellationToken), id, http);
    }

    /// <summary>POST /api/schedules/{id}/resume: 202, 404 or 409 (ended).</summary>
    [Function("ResumeSchedule")]
    public async Task<IResult> ResumeSchedule(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "schedules/{id}/resume")] HttpRequest http,
        string id,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        using var bound = InvocationOrchestrationClient.Use(client);
        return ToResult(await sessions.ResumeScheduleAsync(id, cancellationToken), id, http);
    }

    /// <summary>DELETE /api/schedules/{id}: 204 or 404; sessions it already started go on.</summary>
    [Function("DeleteSchedule")]
    public async Task<IResult> DeleteSchedule(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "schedules/{id}")] HttpRequest http,
        string id,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        using var bound = InvocationOrchestrationClient.Use(client);
        return await sessions.DeleteScheduleAsync(id, cancellationToken) ? TypedResults.NoContent() : Problems.ScheduleNotFound(id);
    }

    private static IResult ToResult(SignalResult result, string id, HttpRequest http) => result switch
    {
        SignalResult.Delivered => TypedResults.Accepted(new Uri($"{ApiAddress.Forwarded(http)}/api/schedules/{Uri.EscapeDataString(id)}")),
        SignalResult.NotFound => Problems.ScheduleNotFound(id),
        _ => Problems.ScheduleEnded(id),
    };
}

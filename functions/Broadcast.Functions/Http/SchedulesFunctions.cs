using Broadcast.Sessions;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Broadcast.Functions;

/// <summary><c>/api/schedules</c>: recurring schedules, as the embedded host serves them.</summary>
public sealed class SchedulesFunctions(SessionService sessions, ApiRequests requests)
{
    /// <summary>POST /api/schedules: 201 with the schedule.</summary>
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
            var schedule = await sessions.CreateScheduleAsync(request!, cancellationToken);
            var location = new Uri($"{ApiAddress.Base(http)}/api/schedules/{Uri.EscapeDataString(schedule.Id)}");
            return TypedResults.Created(location, schedule);
        }
        catch (SessionValidationException e)
        {
            return ApiProblems.Invalid(e.Errors);
        }
        catch (SessionConflictException e)
        {
            return ApiProblems.Conflict(e.Message);
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

    /// <summary>GET /api/schedules/{id}.</summary>
    [Function("GetSchedule")]
    public async Task<IResult> GetSchedule(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "schedules/{id}")] HttpRequest http,
        string id,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        using var bound = InvocationOrchestrationClient.Use(client);
        var schedule = await sessions.GetScheduleAsync(id, cancellationToken);
        return schedule is null ? ApiProblems.ScheduleNotFound(id) : TypedResults.Ok(schedule);
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
        return await sessions.DeleteScheduleAsync(id, cancellationToken) ? TypedResults.NoContent() : ApiProblems.ScheduleNotFound(id);
    }
}

using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace Broadcast.Ilvb.Simulator;

/// <summary>The control API under <c>/control</c>: rooms, what is live, the call log, reset and faults.</summary>
internal static class ControlApi
{
    public static RouteGroupBuilder MapControlApi(this IEndpointRouteBuilder endpoints, SimulatorState state, FaultPlan faults, SimulatorOptions options, ILogger logger)
    {
        var control = endpoints.MapGroup("/control");

        control.MapGet("/health", () => TypedResults.Json(new HealthView("ok", options.SdkAppId), ControlJson.Options));

        control.MapGet("/rooms/{roomId}", Results<JsonHttpResult<RoomView>, ProblemHttpResult> (string roomId) =>
            ParseRoom(roomId) is { } room
                ? TypedResults.Json(new RoomView(room, state.UsersInRoom(room)), ControlJson.Options)
                : BadRoom(roomId));

        control.MapPost("/rooms/{roomId}/users/{userId}", Results<JsonHttpResult<RoomView>, ProblemHttpResult> (string roomId, string userId) =>
        {
            if (ParseRoom(roomId) is not { } room)
            {
                return BadRoom(roomId);
            }

            state.JoinUser(room, userId);
            Log.UserJoined(logger, room, userId);
            return TypedResults.Json(new RoomView(room, state.UsersInRoom(room)), ControlJson.Options);
        });

        control.MapDelete("/rooms/{roomId}/users/{userId}", Results<JsonHttpResult<RoomView>, ProblemHttpResult> (string roomId, string userId) =>
        {
            if (ParseRoom(roomId) is not { } room)
            {
                return BadRoom(roomId);
            }

            if (!state.LeaveUser(room, userId))
            {
                return TypedResults.Problem($"User '{userId}' is not in room {room}.", statusCode: StatusCodes.Status404NotFound, title: "Not in the room");
            }

            Log.UserLeft(logger, room, userId);
            return TypedResults.Json(new RoomView(room, state.UsersInRoom(room)), ControlJson.Options);
        });

        control.MapGet("/live", () => TypedResults.Json(new LiveView(state.ActivePushes, state.ActiveRecordings), ControlJson.Options));

        control.MapGet("/calls", () => TypedResults.Json(state.Calls, ControlJson.Options));

        control.MapPost("/reset", () =>
        {
            state.Reset();
            faults.Clear();
            Log.Reset(logger);
            return TypedResults.NoContent();
        });

        control.MapPost("/faults", async Task<Results<NoContent, ProblemHttpResult>> (HttpRequest request, CancellationToken cancellationToken) =>
        {
            FaultRequest? fault;
            try
            {
                fault = await JsonSerializer.DeserializeAsync<FaultRequest>(request.Body, ControlJson.Options, cancellationToken);
            }
            catch (JsonException e)
            {
                return TypedResults.Problem($"The body is not a fault request: {e.Message}", statusCode: StatusCodes.Status400BadRequest, title: "Invalid fault");
            }

            var error = fault is null ? "The body must be a JSON object." : FaultRequestApplier.Apply(fault, faults);
            if (error is not null)
            {
                return TypedResults.Problem(error, statusCode: StatusCodes.Status400BadRequest, title: "Invalid fault");
            }

            Log.FaultConfigured(logger, fault!.Kind!.Value, fault.Operation);
            return TypedResults.NoContent();
        });

        control.MapDelete("/faults", () =>
        {
            faults.Clear();
            Log.FaultsCleared(logger);
            return TypedResults.NoContent();
        });

        return control;
    }

    private static uint? ParseRoom(string roomId) =>
        uint.TryParse(roomId, NumberStyles.None, CultureInfo.InvariantCulture, out var room) ? room : null;

    private static ProblemHttpResult BadRoom(string roomId) =>
        TypedResults.Problem($"Room id '{roomId}' is not an unsigned 32-bit integer.", statusCode: StatusCodes.Status400BadRequest, title: "Invalid room id");
}

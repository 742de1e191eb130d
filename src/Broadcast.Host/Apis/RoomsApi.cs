using Broadcast.Sessions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Broadcast.Host;

/// <summary>Room-level signals: for callers that know the room and the anchor but not the session.</summary>
public static class RoomsApi
{
    /// <summary>Maps <c>/api/rooms</c>.</summary>
    public static RouteGroupBuilder MapRoomsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/rooms").WithTags("Rooms");

        api.MapPost("/{roomId}/users/{userId}/joined", SignalUserJoined)
            .WithName("SignalRoomUserJoined")
            .WithSummary("Signals every running session that waits for this anchor in this room.");

        return api;
    }

    /// <summary>POST /api/rooms/{roomId}/users/{userId}/joined.</summary>
    public static async Task<Results<Ok<RoomSignalResult>, ValidationProblem>> SignalUserJoined(
        uint roomId, string userId, SessionService sessions, CancellationToken cancellationToken)
    {
        try
        {
            var signalled = await sessions.SignalUserJoinedAsync(roomId, userId, cancellationToken);
            return TypedResults.Ok(new RoomSignalResult(roomId, userId, signalled));
        }
        catch (SessionValidationException e)
        {
            return Problems.Invalid(e.Errors);
        }
    }
}

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
            .WithSummary("Signals every waiting or live session of this anchor in this room that the anchor joined (or rejoined).");
        api.MapPost("/{roomId}/users/{userId}/left", SignalUserLeft)
            .WithName("SignalRoomUserLeft")
            .WithSummary("Signals every waiting or live session of this anchor in this room that the anchor left.");

        return api;
    }

    /// <summary>POST /api/rooms/{roomId}/users/{userId}/joined.</summary>
    public static Task<Results<Ok<RoomSignalResult>, ValidationProblem>> SignalUserJoined(
        uint roomId, string userId, SessionService sessions, CancellationToken cancellationToken) =>
        SignalAsync(roomId, userId, PresenceSignal.Joined, sessions, cancellationToken);

    /// <summary>POST /api/rooms/{roomId}/users/{userId}/left.</summary>
    public static Task<Results<Ok<RoomSignalResult>, ValidationProblem>> SignalUserLeft(
        uint roomId, string userId, SessionService sessions, CancellationToken cancellationToken) =>
        SignalAsync(roomId, userId, PresenceSignal.Left, sessions, cancellationToken);

    private static async Task<Results<Ok<RoomSignalResult>, ValidationProblem>> SignalAsync(
        uint roomId, string userId, PresenceSignal signal, SessionService sessions, CancellationToken cancellationToken)
    {
        try
        {
            var signalled = await sessions.SignalPresenceAsync(roomId, userId, signal, cancellationToken);
            return TypedResults.Ok(new RoomSignalResult(roomId, userId, signalled));
        }
        catch (SessionValidationException e)
        {
            return Problems.Invalid(e.Errors);
        }
    }
}

using Broadcast.Sessions;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Broadcast.Functions;

/// <summary><c>/api/rooms</c>: room-level signals, as the embedded host serves them.</summary>
public sealed class RoomsFunctions(SessionService sessions)
{
    /// <summary>POST /api/rooms/{roomId}/users/{userId}/joined: signals every waiting or live session of this anchor in this room.</summary>
    [Function("SignalRoomUserJoined")]
    public Task<IResult> SignalUserJoined(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "rooms/{roomId}/users/{userId}/joined")] HttpRequest http,
        string roomId,
        string userId,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        SignalAsync(roomId, userId, PresenceSignal.Joined, client, cancellationToken);

    /// <summary>POST /api/rooms/{roomId}/users/{userId}/left: tells every waiting or live session of this anchor in this room that the anchor left.</summary>
    [Function("SignalRoomUserLeft")]
    public Task<IResult> SignalUserLeft(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "rooms/{roomId}/users/{userId}/left")] HttpRequest http,
        string roomId,
        string userId,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        SignalAsync(roomId, userId, PresenceSignal.Left, client, cancellationToken);

    private async Task<IResult> SignalAsync(
        string roomId, string userId, PresenceSignal signal, DurableTaskClient client, CancellationToken cancellationToken)
    {
        if (QueryParameters.TryUInt32("roomId", roomId, out var parsed) is { } invalid)
        {
            return invalid;
        }

        var room = parsed.GetValueOrDefault();

        using var bound = InvocationOrchestrationClient.Use(client);
        try
        {
            var signalled = await sessions.SignalPresenceAsync(room, userId, signal, cancellationToken);
            return TypedResults.Ok(new RoomSignalResult(room, userId, signalled));
        }
        catch (SessionValidationException e)
        {
            return Problems.Invalid(e.Errors);
        }
    }
}

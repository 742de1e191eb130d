using Broadcast.Sessions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Broadcast.Host;

/// <summary>
/// The room-event webhook: enter and exit callbacks signed with <c>Webhooks:SigningKey</c>. The signature, not the API
/// key, authenticates it.
/// </summary>
public static class RoomEventsApi
{
    /// <summary>The webhook's path.</summary>
    public const string Path = "/api/room-events";

    /// <summary>Maps <c>POST /api/room-events</c>.</summary>
    public static RouteHandlerBuilder MapRoomEventsApi(this IEndpointRouteBuilder app) =>
        app.MapPost(Path, ReceiveRoomEvent)
            .WithTags("Room events")
            .WithName("ReceiveRoomEvent")
            .WithSummary("Takes a signed enter or exit event and sends it to the waiting and live sessions of its room and user.")
            .Accepts<RoomEvent>("application/json")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    /// <summary>POST /api/room-events: 202 with the receipt, 200 for a repeated event id, 400, 401 or 503.</summary>
    internal static async Task<Results<Accepted<RoomEventReceipt>, Ok<RoomEventReceipt>, ValidationProblem, ProblemHttpResult>> ReceiveRoomEvent(
        HttpRequest http, RoomEventIntake intake, IOptions<WebhookOptions> options, HostMetrics metrics, ILogger<RoomEventIntake> logger,
        CancellationToken cancellationToken)
    {
        var key = options.Value.SigningKey;
        if (string.IsNullOrEmpty(key))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "Room events are not accepted",
                detail: "This host has no Webhooks:SigningKey, so it cannot check a room event's signature.");
        }

        var body = await ReadBodyAsync(http, cancellationToken);
        if (RoomEventSignature.Check(key, body, http.Headers[RoomEventSignature.Header].ToString()) is { } problem)
        {
            metrics.RoomEvent("unauthorized");
            Log.RoomEventRefused(logger, problem);
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Signature required", detail: problem);
        }

        if (RoomEventParser.Parse(body, out var errors) is not { } roomEvent)
        {
            metrics.RoomEvent("invalid");
            return Invalid(errors);
        }

        try
        {
            var receipt = await intake.AcceptAsync(roomEvent, cancellationToken);
            return receipt.Duplicate ? TypedResults.Ok(receipt) : TypedResults.Accepted((string?)null, receipt);
        }
        catch (SessionValidationException e)
        {
            metrics.RoomEvent("invalid");
            return Invalid(e.Errors);
        }
    }

    private static ValidationProblem Invalid(IReadOnlyDictionary<string, string[]> errors) => TypedResults.ValidationProblem(
        errors, title: "The room event is not valid", detail: "See 'errors': each key names a field of the event.");

    /// <summary>The raw bytes, exactly as signed; the server's body size limit applies.</summary>
    private static async Task<byte[]> ReadBodyAsync(HttpRequest http, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await http.Body.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }
}

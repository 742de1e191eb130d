using Broadcast.Sessions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Broadcast.Api;

/// <summary>Builds the <see cref="SessionListQuery"/> of <c>GET /api/sessions</c> from its query values.</summary>
public static class SessionListQueryParser
{
    /// <summary>
    /// Builds the query from values already converted (as minimal API binds them). Returns the 400 naming
    /// <c>status</c> when it is not a session status name, else null with <paramref name="query"/> set.
    /// </summary>
    public static ValidationProblem? TryCreate(
        string? status, uint? roomId, string? userId, int? pageSize, string? continuationToken, out SessionListQuery query)
    {
        query = new SessionListQuery { RoomId = roomId, UserId = userId, ContinuationToken = continuationToken };
        if (pageSize is { } size)
        {
            query = query with { PageSize = size };
        }

        if (string.IsNullOrEmpty(status))
        {
            return null;
        }

        // Names only: Enum.TryParse would also take "2" or an undefined number.
        if (!Enum.TryParse<SessionStatus>(status, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || char.IsAsciiDigit(status[0]))
        {
            return Problems.Invalid("status", $"{EchoedText.Quote(status)} is not a session status; use one of {string.Join(", ", Enum.GetNames<SessionStatus>())}.");
        }

        query = query with { Status = parsed };
        return null;
    }

    /// <summary>
    /// Builds the query from the request's query string (<c>status</c>, <c>roomId</c>, <c>userId</c>, <c>pageSize</c>,
    /// <c>continuationToken</c>). Returns the 400 to answer, or null with <paramref name="query"/> set.
    /// </summary>
    public static IResult? TryParse(IQueryCollection values, out SessionListQuery query)
    {
        ArgumentNullException.ThrowIfNull(values);
        query = new SessionListQuery();
        if (QueryParameters.TryUInt32("roomId", QueryParameters.Text(values, "roomId"), out var roomId) is { } badRoom)
        {
            return badRoom;
        }

        if (QueryParameters.TryInt32("pageSize", QueryParameters.Text(values, "pageSize"), out var pageSize) is { } badSize)
        {
            return badSize;
        }

        return TryCreate(
            QueryParameters.Text(values, "status"),
            roomId,
            QueryParameters.Text(values, "userId"),
            pageSize,
            QueryParameters.Text(values, "continuationToken"),
            out query);
    }
}

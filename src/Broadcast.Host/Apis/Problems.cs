using Microsoft.AspNetCore.Http.HttpResults;

namespace Broadcast.Host;

/// <summary>The problem answers shared by the endpoint groups, so each error reads the same everywhere.</summary>
internal static class Problems
{
    public static ProblemHttpResult SessionNotFound(string id) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "Session not found",
        detail: $"No session has the id '{id}'.",
        extensions: new Dictionary<string, object?> { ["id"] = id });

    public static ProblemHttpResult SessionFinished(string id) => TypedResults.Problem(
        statusCode: StatusCodes.Status409Conflict,
        title: "Session already finished",
        detail: $"Session '{id}' has already finished; it takes no more signals.",
        extensions: new Dictionary<string, object?> { ["id"] = id });

    public static ProblemHttpResult ScheduleNotFound(string id) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "Schedule not found",
        detail: $"No schedule has the id '{id}'.",
        extensions: new Dictionary<string, object?> { ["id"] = id });

    public static ProblemHttpResult ScheduleEnded(string id) => TypedResults.Problem(
        statusCode: StatusCodes.Status409Conflict,
        title: "Schedule ended",
        detail: $"Schedule '{id}' has ended; it can no longer be paused or resumed.",
        extensions: new Dictionary<string, object?> { ["id"] = id });

    public static ProblemHttpResult Conflict(string detail) => TypedResults.Problem(
        statusCode: StatusCodes.Status409Conflict,
        title: "Conflict",
        detail: detail);

    public static ValidationProblem Invalid(IReadOnlyDictionary<string, string[]> errors) => TypedResults.ValidationProblem(
        errors,
        title: "The request is not valid",
        detail: "See 'errors': each key names a field.");

    public static ValidationProblem Invalid(string field, string message) =>
        Invalid(new Dictionary<string, string[]> { [field] = [message] });
}

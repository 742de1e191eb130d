using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Broadcast.Functions;

/// <summary>
/// The problem answers of the HTTP API, worded and shaped as the embedded host words them (RFC 7807 through the
/// same ASP.NET Core results), so one client reads both hosts alike.
/// </summary>
internal static class ApiProblems
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

    public static ProblemHttpResult NotFound(string detail) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "Not found",
        detail: detail);

    public static ValidationProblem Invalid(IReadOnlyDictionary<string, string[]> errors) => TypedResults.ValidationProblem(
        errors,
        title: "The request is not valid",
        detail: "See 'errors': each key names a field.");

    public static ValidationProblem Invalid(string field, string message) =>
        Invalid(new Dictionary<string, string[]> { [field] = [message] });

    /// <summary>400 naming the JSON path that could not be read, e.g. <c>$.roomId</c>.</summary>
    public static ValidationProblem InvalidJson(JsonException json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var path = string.IsNullOrEmpty(json.Path) ? "$" : json.Path;

        // System.Text.Json appends " Path: $.x | LineNumber: 0 | BytePositionInLine: 9." — the path is already the key.
        var at = json.Message.IndexOf(" Path: ", StringComparison.Ordinal);
        var message = at < 0 ? json.Message : json.Message[..at];
        return TypedResults.ValidationProblem(
            new Dictionary<string, string[]> { [path] = [message] },
            title: "The body is not valid JSON for this request",
            detail: $"At '{path}': {message}");
    }

    public static ProblemHttpResult BadRequest(string detail) => TypedResults.Problem(
        statusCode: StatusCodes.Status400BadRequest,
        title: "Bad request",
        detail: detail);

    public static ProblemHttpResult UnsupportedMediaType(string? contentType) => TypedResults.Problem(
        statusCode: StatusCodes.Status415UnsupportedMediaType,
        title: "Unsupported media type",
        detail: $"Expected a supported JSON media type but got \"{contentType}\".");

    public static ProblemHttpResult TooLarge(long limit) => TypedResults.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "Request body too large",
        detail: $"The body is larger than the {limit} bytes this host accepts.");

    public static ProblemHttpResult Unauthorized(bool keyPresented) => TypedResults.Problem(
        statusCode: StatusCodes.Status401Unauthorized,
        title: "API key required",
        detail: keyPresented
            ? $"The '{ApiOptions.ApiKeyHeader}' header does not hold the configured API key."
            : $"Send the API key in the '{ApiOptions.ApiKeyHeader}' header.");

    public static ProblemHttpResult Internal() => TypedResults.Problem(
        statusCode: StatusCodes.Status500InternalServerError,
        title: "Internal error",
        detail: "The request failed on the server; its log has the details.");
}

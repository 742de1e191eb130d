using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Broadcast.Api;

/// <summary>
/// The problem answers (RFC 7807) of the HTTP API, worded once for both hosts so each error reads the same everywhere
/// and one client reads both hosts alike.
/// </summary>
public static class Problems
{
    /// <summary>The title of a 400 that lists invalid fields.</summary>
    public const string InvalidTitle = "The request is not valid";

    /// <summary>The detail of a 400 that lists invalid fields.</summary>
    public const string InvalidDetail = "See 'errors': each key names a field.";

    /// <summary>404: no session has <paramref name="id"/>.</summary>
    public static ProblemHttpResult SessionNotFound(string id) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "Session not found",
        detail: $"No session has the id {EchoedText.Quote(id)}.",
        extensions: new Dictionary<string, object?> { ["id"] = id });

    /// <summary>409: the session has finished and takes no more signals.</summary>
    public static ProblemHttpResult SessionFinished(string id) => TypedResults.Problem(
        statusCode: StatusCodes.Status409Conflict,
        title: "Session already finished",
        detail: $"Session {EchoedText.Quote(id)} has already finished; it takes no more signals.",
        extensions: new Dictionary<string, object?> { ["id"] = id });

    /// <summary>404: no schedule has <paramref name="id"/>.</summary>
    public static ProblemHttpResult ScheduleNotFound(string id) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "Schedule not found",
        detail: $"No schedule has the id {EchoedText.Quote(id)}.",
        extensions: new Dictionary<string, object?> { ["id"] = id });

    /// <summary>409: the schedule has ended and can no longer be paused or resumed.</summary>
    public static ProblemHttpResult ScheduleEnded(string id) => TypedResults.Problem(
        statusCode: StatusCodes.Status409Conflict,
        title: "Schedule ended",
        detail: $"Schedule {EchoedText.Quote(id)} has ended; it can no longer be paused or resumed.",
        extensions: new Dictionary<string, object?> { ["id"] = id });

    /// <summary>409 with the conflict's own explanation.</summary>
    public static ProblemHttpResult Conflict(string detail) => TypedResults.Problem(
        statusCode: StatusCodes.Status409Conflict,
        title: "Conflict",
        detail: detail);

    /// <summary>400 listing the invalid fields (field → messages).</summary>
    public static ValidationProblem Invalid(IReadOnlyDictionary<string, string[]> errors) => TypedResults.ValidationProblem(
        errors,
        title: InvalidTitle,
        detail: InvalidDetail);

    /// <summary>400 naming one invalid field.</summary>
    public static ValidationProblem Invalid(string field, string message) =>
        Invalid(new Dictionary<string, string[]> { [field] = [message] });

    /// <summary>400 naming the JSON field that could not be read, as validation errors name it (<c>roomId</c>, <c>recording.mode</c>).</summary>
    public static ProblemHttpResult InvalidJson(JsonException json) => TypedResults.Problem(ExceptionProblems.InvalidJson(json));

    /// <summary>
    /// 400 naming a route or query parameter whose text does not convert, e.g. <c>roomId: 'abc' is not a valid uint.</c>,
    /// as the embedded host answers its framework's binding failures.
    /// </summary>
    public static ProblemHttpResult InvalidParameter(string name, string typeName, string value) =>
        TypedResults.Problem(ExceptionProblems.InvalidParameter(name, typeName, value));

    /// <summary>400 with a free-text explanation.</summary>
    public static ProblemHttpResult BadRequest(string detail) => TypedResults.Problem(
        statusCode: StatusCodes.Status400BadRequest,
        title: "Bad request",
        detail: detail);

    /// <summary>415: the body is not JSON.</summary>
    public static ProblemHttpResult UnsupportedMediaType(string? contentType) => TypedResults.Problem(
        statusCode: StatusCodes.Status415UnsupportedMediaType,
        title: "Unsupported media type",
        detail: $"Expected a supported JSON media type but got \"{contentType}\".");

    /// <summary>413: the body is over the limit.</summary>
    public static ProblemHttpResult TooLarge(long limit) => TypedResults.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "Request body too large",
        detail: TooLargeDetail(limit));

    /// <summary>The explanation of a 413, naming the limit and its setting.</summary>
    public static string TooLargeDetail(long limit) =>
        $"The body is larger than the {limit} bytes this host accepts (Host:MaxRequestBodyBytes).";

    /// <summary>401: the API key is missing or wrong.</summary>
    public static ProblemHttpResult Unauthorized(bool keyPresented) => TypedResults.Problem(ApiKeyCheck.Problem(keyPresented));

    /// <summary>500 whose details stay in the log.</summary>
    public static ProblemHttpResult Internal() => TypedResults.Problem(ExceptionProblems.Internal());

    /// <summary>Answers a problem built elsewhere (e.g. by <see cref="ExceptionProblems.From"/>).</summary>
    public static ProblemHttpResult From(ProblemDetails problem) => TypedResults.Problem(problem);
}

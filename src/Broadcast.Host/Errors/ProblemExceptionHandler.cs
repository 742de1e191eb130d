using System.Text.Json;
using System.Text.RegularExpressions;
using Broadcast.Durable;
using Broadcast.Sessions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Broadcast.Host;

/// <summary>
/// Turns what escapes an endpoint into RFC 7807 problem details: unreadable bodies and parameters (400, naming
/// the JSON path or the parameter), bodies over the limit (413), known domain exceptions, and anything else as a
/// bare 500 whose details stay in the log.
/// </summary>
internal sealed partial class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            BadHttpRequestException { InnerException: JsonException json } => InvalidJson(json),
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => new ProblemDetails { Status = StatusCodes.Status413PayloadTooLarge },
            BadHttpRequestException { StatusCode: StatusCodes.Status400BadRequest } bad => InvalidParameter(bad),
            BadHttpRequestException bad => new ProblemDetails
            {
                Status = bad.StatusCode,
                Title = bad.StatusCode == StatusCodes.Status415UnsupportedMediaType ? "Unsupported media type" : "Bad request",
                Detail = bad.Message,
            },
            SessionValidationException invalid => new HttpValidationProblemDetails(invalid.Errors.ToDictionary())
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "The request is not valid",
                Detail = "See 'errors': each key names a field.",
            },
            SessionConflictException conflict => new ProblemDetails { Status = StatusCodes.Status409Conflict, Title = "Conflict", Detail = conflict.Message },
            InstanceNotFoundException notFound => new ProblemDetails { Status = StatusCodes.Status404NotFound, Title = "Not found", Detail = notFound.Message },
            _ => null,
        };

        if (problem is null)
        {
            Log.UnhandledRequestFailure(logger, httpContext.Request.Method, httpContext.Request.Path, exception);
            problem = new ProblemDetails
            {
                Status = StatusCodes.Status500InternalServerError,
                Title = "Internal error",
                Detail = "The request failed on the server; its log has the details.",
            };
        }

        httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>400 naming the JSON field that could not be read, as the validation errors name it (<c>roomId</c>, <c>recording.mode</c>).</summary>
    private static HttpValidationProblemDetails InvalidJson(JsonException json)
    {
        var field = JsonErrors.FieldOf(json.Path);
        var message = JsonErrors.MessageOf(json);
        return new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The body is not valid JSON for this request",
            Detail = $"At '{field}': {message}",
        };
    }

    /// <summary>400 naming the route or query parameter that could not be read.</summary>
    private static ProblemDetails InvalidParameter(BadHttpRequestException bad)
    {
        if (BindFailure().Match(bad.Message) is not { Success: true } match)
        {
            return new ProblemDetails { Status = bad.StatusCode, Title = "Bad request", Detail = bad.Message };
        }

        var name = match.Groups["name"].Value;
        var message = $"'{match.Groups["value"].Value}' is not a valid {match.Groups["type"].Value.Replace("Nullable<", "", StringComparison.Ordinal).TrimEnd('>')}.";
        return new HttpValidationProblemDetails(new Dictionary<string, string[]> { [name] = [message] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request is not valid",
            Detail = $"{name}: {message}",
        };
    }

    // The framework's text for a route or query value that does not convert: Failed to bind parameter "uint roomId" from "abc".
    [GeneratedRegex("""^Failed to bind parameter "(?<type>.+) (?<name>[^ ]+)" from "(?<value>.*)"\.$""")]
    private static partial Regex BindFailure();
}

using System.Text.Json;
using System.Text.RegularExpressions;
using Broadcast.Durable;
using Broadcast.Sessions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Broadcast.Api;

/// <summary>
/// Turns what escapes an endpoint into problem details: unreadable bodies and parameters (400, naming the JSON field
/// or the parameter), bodies over the limit (413), and the known domain exceptions. Anything else is the host's to log
/// and answer with <see cref="Internal"/>.
/// </summary>
public static partial class ExceptionProblems
{
    /// <summary>The problem for <paramref name="exception"/>, or null when it is not a known one (a 500 to log).</summary>
    public static ProblemDetails? From(Exception exception) => exception switch
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
            Title = Problems.InvalidTitle,
            Detail = Problems.InvalidDetail,
        },
        SessionConflictException conflict => new ProblemDetails { Status = StatusCodes.Status409Conflict, Title = "Conflict", Detail = conflict.Message },
        InstanceNotFoundException notFound => new ProblemDetails { Status = StatusCodes.Status404NotFound, Title = "Not found", Detail = notFound.Message },
        _ => null,
    };

    /// <summary>The 500 for an unknown failure; its details stay in the log.</summary>
    public static ProblemDetails Internal() => new()
    {
        Status = StatusCodes.Status500InternalServerError,
        Title = "Internal error",
        Detail = "The request failed on the server; its log has the details.",
    };

    /// <summary>400 naming the JSON field that could not be read, as the validation errors name it (<c>roomId</c>, <c>recording.mode</c>).</summary>
    public static HttpValidationProblemDetails InvalidJson(JsonException json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var field = JsonErrors.FieldOf(json.Path);
        var message = JsonErrors.MessageOf(json);
        return new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The body is not valid JSON for this request",
            Detail = $"At '{field}': {message}",
        };
    }

    /// <summary>400 naming a route or query parameter whose text <paramref name="value"/> is not a <paramref name="typeName"/>.</summary>
    public static HttpValidationProblemDetails InvalidParameter(string name, string typeName, string value)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(typeName);
        var message = $"{EchoedText.Quote(value)} is not a valid {typeName.Replace("Nullable<", "", StringComparison.Ordinal).TrimEnd('>')}.";
        return new HttpValidationProblemDetails(new Dictionary<string, string[]> { [name] = [message] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = Problems.InvalidTitle,
            Detail = $"{name}: {message}",
        };
    }

    /// <summary>400 naming the route or query parameter that the framework could not bind.</summary>
    private static ProblemDetails InvalidParameter(BadHttpRequestException bad) =>
        BindFailure().Match(bad.Message) is { Success: true } match
            ? InvalidParameter(match.Groups["name"].Value, match.Groups["type"].Value, match.Groups["value"].Value)
            : new ProblemDetails { Status = bad.StatusCode, Title = "Bad request", Detail = bad.Message };

    // The framework's text for a route or query value that does not convert: Failed to bind parameter "uint roomId" from "abc".
    [GeneratedRegex("""^Failed to bind parameter "(?<type>.+) (?<name>[^ ]+)" from "(?<value>.*)"\.$""")]
    private static partial Regex BindFailure();
}

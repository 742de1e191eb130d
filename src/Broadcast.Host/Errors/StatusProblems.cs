using Microsoft.Extensions.Options;

namespace Broadcast.Host;

/// <summary>
/// Fills in the detail of problems that the framework answers with a bare status (unknown route, wrong method, body
/// too large), so every error says what went wrong.
/// </summary>
internal static class StatusProblems
{
    public static void Customize(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (problem.Detail is not null)
        {
            return;
        }

        var request = context.HttpContext.Request;
        problem.Detail = problem.Status switch
        {
            StatusCodes.Status404NotFound => $"No endpoint answers {request.Method} {request.Path}; see /openapi/v1.json for the API.",
            StatusCodes.Status405MethodNotAllowed => $"{request.Path} does not accept {request.Method}.",
            StatusCodes.Status413PayloadTooLarge =>
                Problems.TooLargeDetail(context.HttpContext.RequestServices.GetRequiredService<IOptions<HostOptions>>().Value.MaxRequestBodyBytes),
            StatusCodes.Status415UnsupportedMediaType => "Send the body as JSON with 'Content-Type: application/json'.",
            _ => null,
        };
    }
}

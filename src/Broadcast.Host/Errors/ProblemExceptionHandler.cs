using Microsoft.AspNetCore.Diagnostics;

namespace Broadcast.Host;

/// <summary>
/// Turns what escapes an endpoint into RFC 7807 problem details through the mapping both hosts share
/// (<see cref="ExceptionProblems"/>); anything it does not know is a bare 500 whose details stay in the log.
/// </summary>
internal sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = ExceptionProblems.From(exception);
        if (problem is null)
        {
            Log.UnhandledRequestFailure(logger, httpContext.Request.Method, httpContext.Request.Path, exception);
            problem = ExceptionProblems.Internal();
        }

        httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }
}

using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Broadcast.Functions;

/// <summary>
/// For HTTP triggers only: the <c>X-Api-Key</c> check and the problem answers for what escapes a function, through the
/// same <see cref="ApiKeyCheck"/> and <see cref="ExceptionProblems"/> as the embedded host. Other triggers pass straight through.
/// </summary>
internal sealed class ApiMiddleware(IOptions<ApiOptions> options, ILogger<ApiMiddleware> logger) : IFunctionsWorkerMiddleware
{
    private readonly ApiKeyCheck _check = new(options.Value.ApiKey);

    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (context.GetHttpContext() is not { } http)
        {
            await next(context);
            return;
        }

        // Host:ApiKey is required at start (ApiOptions), so the check is always on here.
        var presented = ApiKeyCheck.Presented(http.Request);
        if (!_check.Matches(presented))
        {
            // The Functions HTTP integration executes an IResult left as the invocation result.
            context.GetInvocationResult().Value = Problems.Unauthorized(keyPresented: presented.Length > 0);
            return;
        }

        try
        {
            await next(context);
        }
        catch (Exception e) when (!http.RequestAborted.IsCancellationRequested)
        {
            var problem = ExceptionProblems.From(e);
            if (problem is null)
            {
                Log.UnhandledRequestFailure(logger, http.Request.Method, http.Request.Path.ToString(), e);
                problem = ExceptionProblems.Internal();
            }

            context.GetInvocationResult().Value = Problems.From(problem);
        }
    }
}

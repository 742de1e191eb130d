using System.Security.Cryptography;
using System.Text;
using Broadcast.Durable;
using Broadcast.Sessions;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Broadcast.Functions;

/// <summary>
/// For HTTP triggers only: the <c>X-Api-Key</c> check and the problem answers for what escapes a function, as the
/// embedded host's API key middleware and exception handler give them. Other triggers pass straight through.
/// </summary>
internal sealed class ApiMiddleware(IOptions<ApiOptions> options, ILogger<ApiMiddleware> logger) : IFunctionsWorkerMiddleware
{
    private readonly byte[] _key = Encoding.UTF8.GetBytes(options.Value.ApiKey ?? "");

    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (context.GetHttpContext() is not { } http)
        {
            await next(context);
            return;
        }

        var presented = http.Request.Headers[ApiOptions.ApiKeyHeader].ToString();
        if (presented.Length == 0 || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), _key))
        {
            // The Functions HTTP integration executes an IResult left as the invocation result.
            context.GetInvocationResult().Value = ApiProblems.Unauthorized(keyPresented: presented.Length > 0);
            return;
        }

        try
        {
            await next(context);
        }
        catch (Exception e) when (!http.RequestAborted.IsCancellationRequested)
        {
            context.GetInvocationResult().Value = ToProblem(e, http);
        }
    }

    private IResult ToProblem(Exception exception, HttpContext http)
    {
        switch (exception)
        {
            case SessionValidationException invalid:
                return ApiProblems.Invalid(invalid.Errors);
            case SessionConflictException conflict:
                return ApiProblems.Conflict(conflict.Message);
            case InstanceNotFoundException notFound:
                return ApiProblems.NotFound(notFound.Message);
            default:
                Log.UnhandledRequestFailure(logger, http.Request.Method, http.Request.Path.ToString(), exception);
                return ApiProblems.Internal();
        }
    }
}

using Microsoft.Extensions.Options;

namespace Broadcast.Host;

/// <summary>
/// Requires <c>X-Api-Key</c> on every request but the health probe and the signed room-event webhook; without a key,
/// refuses what <see cref="KeylessRequestGuard"/> refuses. A middleware rather than an endpoint
/// filter so that an unauthenticated caller learns nothing, not even whether its body would parse.
/// </summary>
internal sealed class ApiKeyMiddleware(RequestDelegate next, IOptions<HostOptions> options, IProblemDetailsService problems)
{
    private readonly ApiKeyCheck _check = new(options.Value.ApiKey);

    public async Task InvokeAsync(HttpContext context)
    {
        if (!_check.Enabled)
        {
            if (KeylessRequestGuard.Refusal(context.Request) is { } refusal)
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                await problems.WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context,
                    ProblemDetails = new() { Status = StatusCodes.Status403Forbidden, Title = "Request not from this machine's own clients", Detail = refusal },
                });
                return;
            }

            await next(context);
            return;
        }

        // The room-event webhook is authenticated by its body's signature instead (RoomEventsApi).
        if (context.Request.Path.Equals(HealthApi.Path, StringComparison.OrdinalIgnoreCase)
            || context.Request.Path.Equals(RoomEventsApi.Path, StringComparison.OrdinalIgnoreCase))
        {
            await next(context);
            return;
        }

        var presented = ApiKeyCheck.Presented(context.Request);
        if (_check.Matches(presented))
        {
            await next(context);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = ApiKeyCheck.Problem(presented.Length > 0) });
    }
}

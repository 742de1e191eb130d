using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Broadcast.Host;

/// <summary>
/// Requires <c>X-Api-Key</c> on every request but the health probe and the signed room-event webhook. A middleware rather than an endpoint
/// filter so that an unauthenticated caller learns nothing, not even whether its body would parse.
/// </summary>
internal sealed class ApiKeyMiddleware(RequestDelegate next, IOptions<HostOptions> options, IProblemDetailsService problems)
{
    private readonly byte[]? _key = string.IsNullOrEmpty(options.Value.ApiKey) ? null : Encoding.UTF8.GetBytes(options.Value.ApiKey);

    public async Task InvokeAsync(HttpContext context)
    {
        // The room-event webhook is authenticated by its body's signature instead (RoomEventsApi).
        if (_key is null || context.Request.Path.Equals(HealthApi.Path, StringComparison.OrdinalIgnoreCase)
            || context.Request.Path.Equals(RoomEventsApi.Path, StringComparison.OrdinalIgnoreCase))
        {
            await next(context);
            return;
        }

        var presented = context.Request.Headers[HostOptions.ApiKeyHeader].ToString();
        if (presented.Length > 0 && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), _key))
        {
            await next(context);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = StatusCodes.Status401Unauthorized,
                Title = "API key required",
                Detail = presented.Length == 0
                    ? $"Send the API key in the '{HostOptions.ApiKeyHeader}' header."
                    : $"The '{HostOptions.ApiKeyHeader}' header does not hold the configured API key.",
            },
        });
    }
}

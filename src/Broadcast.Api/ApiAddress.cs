using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Broadcast.Api;

/// <summary>The base address (scheme, host, path base) that links in answers are built on.</summary>
public static class ApiAddress
{
    /// <summary>The request's own scheme and host: for a host that callers reach directly (the embedded host).</summary>
    public static string Own(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return $"{request.Scheme}://{request.Host}{request.PathBase}";
    }

    /// <summary>
    /// The address the caller used, for a host behind a forwarding front end: the Functions host forwards each request
    /// to the worker's own loopback listener and passes the caller's address in <c>X-Forwarded-Proto</c> and
    /// <c>X-Forwarded-Host</c>; links must point at the caller's address, not the worker's. Without those headers this is
    /// <see cref="Own"/>.
    /// </summary>
    public static string Forwarded(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var scheme = First(request.Headers["X-Forwarded-Proto"]) ?? request.Scheme;
        var host = First(request.Headers["X-Forwarded-Host"]) ?? request.Host.Value;
        return $"{scheme}://{host}{request.PathBase}";
    }

    private static string? First(StringValues values)
    {
        var value = values.ToString();
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var comma = value.IndexOf(',', StringComparison.Ordinal);
        return (comma < 0 ? value : value[..comma]).Trim();
    }
}

using Microsoft.AspNetCore.Http;

namespace Broadcast.Functions;

/// <summary>The scheme and host the caller used.</summary>
internal static class ApiAddress
{
    /// <summary>
    /// The Functions host forwards each request to the worker's own loopback listener, passing the caller's address
    /// in <c>X-Forwarded-Proto</c> and <c>X-Forwarded-Host</c>; links must point at the caller's address, not the worker's.
    /// </summary>
    public static string Base(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var scheme = First(request.Headers["X-Forwarded-Proto"]) ?? request.Scheme;
        var host = First(request.Headers["X-Forwarded-Host"]) ?? request.Host.Value;
        return $"{scheme}://{host}{request.PathBase}";
    }

    private static string? First(Microsoft.Extensions.Primitives.StringValues values)
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

using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Broadcast.Api;

/// <summary>
/// The <c>X-Api-Key</c> check of both hosts: a constant-time comparison with the configured key, and the 401 that
/// says whether the key was missing or wrong (never what it should be).
/// </summary>
public sealed class ApiKeyCheck
{
    /// <summary>The header that carries the API key.</summary>
    public const string HeaderName = "X-Api-Key";

    private readonly byte[]? _key;

    /// <summary>Creates the check; a null or empty <paramref name="configuredKey"/> turns it off (<see cref="Enabled"/> false).</summary>
    public ApiKeyCheck(string? configuredKey)
    {
        _key = string.IsNullOrEmpty(configuredKey) ? null : Encoding.UTF8.GetBytes(configuredKey);
    }

    /// <summary>Whether a key is configured.</summary>
    public bool Enabled => _key is not null;

    /// <summary>The key the request presents in <see cref="HeaderName"/>; empty when it sends none.</summary>
    public static string Presented(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Headers[HeaderName].ToString();
    }

    /// <summary>
    /// Whether <paramref name="presented"/> is the configured key, compared in constant time. False when no key is
    /// configured: a host that turns the check off does so by not calling it.
    /// </summary>
    public bool Matches(string? presented) =>
        _key is not null && !string.IsNullOrEmpty(presented) && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), _key);

    /// <summary>The 401 for a request whose key was missing (<paramref name="keyPresented"/> false) or wrong.</summary>
    public static ProblemDetails Problem(bool keyPresented) => new()
    {
        Status = StatusCodes.Status401Unauthorized,
        Title = "API key required",
        Detail = keyPresented
            ? $"The '{HeaderName}' header does not hold the configured API key."
            : $"Send the API key in the '{HeaderName}' header.",
    };
}

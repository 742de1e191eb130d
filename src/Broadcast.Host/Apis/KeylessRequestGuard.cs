namespace Broadcast.Host;

/// <summary>
/// Without an API key the host listens on loopback only, but a browser on the same machine can still reach it: a page
/// of any site can send it simple cross-site POSTs, and after DNS rebinding read it under the site's own name. So a
/// keyless host answers only requests addressed to a loopback name, and, when a browser says where a request comes
/// from, only those from its own pages (the dashboard).
/// </summary>
internal static class KeylessRequestGuard
{
    /// <summary>Why <paramref name="request"/> is refused, or null when it may be served.</summary>
    public static string? Refusal(HttpRequest request)
    {
        var host = request.Host.Host;
        if (!HostOptionsValidator.IsLoopbackHost(host))
        {
            return $"The Host header {EchoedText.Quote(request.Host.Value)} is not a loopback name (localhost, 127.0.0.1 or [::1]). " +
                "Without Host:ApiKey the host serves only requests addressed to loopback; set Host:ApiKey to serve others.";
        }

        var origin = request.Headers.Origin.ToString();
        var own = $"{request.Scheme}://{request.Host.Value}";
        if (origin.Length > 0 && !string.Equals(origin, own, StringComparison.OrdinalIgnoreCase))
        {
            return $"The request comes from another site's page (Origin {EchoedText.Quote(origin)}, not '{own}'). " +
                "Without Host:ApiKey the host serves only its own pages and clients that send no Origin.";
        }

        return null;
    }
}

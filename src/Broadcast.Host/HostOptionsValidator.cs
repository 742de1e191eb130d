using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Broadcast.Host;

/// <summary>
/// Refuses to start without an API key when any address the host will listen on is not loopback (an open
/// orchestrator that starts paid pushes must not be reachable from the network unguarded), and on a
/// <c>Host:UseSimulator</c> that is not a boolean or an <c>Host:OtlpEndpoint</c> that is not an absolute address.
/// </summary>
internal sealed class HostOptionsValidator(IServiceProvider services, IConfiguration configuration) : IValidateOptions<HostOptions>
{
    public ValidateOptionsResult Validate(string? name, HostOptions options)
    {
        var errors = new List<string>();
        if (string.IsNullOrEmpty(options.ApiKey) && ListenAddresses().FirstOrDefault(address => !IsLoopback(address)) is { } exposed)
        {
            errors.Add($"Host:ApiKey must be set when the host listens beyond loopback (it listens on '{exposed}'). " +
                "Set Host__ApiKey (environment) or Host:ApiKey (configuration), or listen on 127.0.0.1 only.");
        }

        if (Ilvb.KeyVaultReference.IsUnresolved(options.ApiKey))
        {
            errors.Add(Ilvb.KeyVaultReference.Problem("Host:ApiKey"));
        }

        // Read by the simulator's switch straight from configuration; a typo would silently mean "decide by the other settings".
        if (configuration["Host:UseSimulator"] is { Length: > 0 } useSimulator && !bool.TryParse(useSimulator, out _)
            && !string.Equals(useSimulator, "auto", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add($"Host:UseSimulator must be true, false or auto (was '{useSimulator}').");
        }

        if (options.OtlpEndpoint is { } otlp && !(otlp.IsAbsoluteUri && (otlp.Scheme == Uri.UriSchemeHttp || otlp.Scheme == Uri.UriSchemeHttps)))
        {
            errors.Add($"Host:OtlpEndpoint must be an absolute http or https address such as http://127.0.0.1:4317 (was '{otlp.OriginalString}').");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>Every address Kestrel will bind: explicit server addresses, else <c>urls</c> or the port settings, plus configured endpoints.</summary>
    private IEnumerable<string> ListenAddresses()
    {
        // Resolved here, not injected: the server's construction reads options, and this validator is one of them.
        var explicitAddresses = services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        IEnumerable<string> addresses = explicitAddresses.Count > 0 ? explicitAddresses : ConfiguredUrls();
        var endpoints = configuration.GetSection("Kestrel:Endpoints").GetChildren()
            .Select(endpoint => endpoint["Url"])
            .OfType<string>();
        return addresses.Concat(endpoints);
    }

    private IEnumerable<string> ConfiguredUrls()
    {
        var urls = configuration["urls"];
        if (!string.IsNullOrWhiteSpace(urls))
        {
            return urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }

        // ASPNETCORE_HTTP_PORTS / HTTPS_PORTS bind every interface.
        return new[] { configuration["http_ports"], configuration["https_ports"] }
            .Where(ports => !string.IsNullOrWhiteSpace(ports))
            .SelectMany(ports => ports!.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(port => $"http://*:{port}");
    }

    internal static bool IsLoopback(string address)
    {
        var schemeEnd = address.IndexOf("://", StringComparison.Ordinal);
        var rest = schemeEnd < 0 ? address : address[(schemeEnd + 3)..];
        var hostEnd = rest.StartsWith('[') ? rest.IndexOf(']', StringComparison.Ordinal) + 1 : rest.IndexOfAny([':', '/']);
        return IsLoopbackHost(hostEnd <= 0 ? rest : rest[..hostEnd]);
    }

    /// <summary>Whether a host name (no scheme or port; IPv6 in brackets or not) is loopback.</summary>
    internal static bool IsLoopbackHost(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
}

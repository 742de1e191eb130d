using System.Net;
using System.Security.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;

namespace Broadcast.Ilvb.Simulator;

/// <summary>
/// Builds the simulator's own Kestrel application. The empty builder on purpose: no appsettings
/// files, no file watchers (tests start many simulators), no environment-driven URLs.
/// </summary>
internal static class SimulatorHost
{
    public static WebApplication Build(SimulatorOptions options, SimulatorState state, FaultPlan faults, string url)
    {
        var address = ParseUrl(url, options);
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(SimulatorHost).Assembly.GetName().Name,
        });
        builder.WebHost.UseKestrelCore();
        builder.WebHost.ConfigureKestrel(kestrel => Listen(kestrel, address, options));
        builder.Services.AddRoutingCore();
        builder.Services.AddLogging(logging => options.ConfigureLogging?.Invoke(logging));

        var app = builder.Build();
        app.MapIlvbSimulator(state, faults, options);
        return app;
    }

    private static BindingAddress ParseUrl(string url, SimulatorOptions options)
    {
        BindingAddress address;
        try
        {
            address = BindingAddress.Parse(url);
        }
        catch (FormatException e)
        {
            throw new ArgumentException($"SimulatorOptions.Url '{url}' is not a URL like http://127.0.0.1:7090: {e.Message}", nameof(options), e);
        }

        if (address.Scheme is not ("http" or "https") || address.PathBase.Length > 0)
        {
            throw new ArgumentException($"SimulatorOptions.Url '{url}' must be http:// or https:// with a host and port and no path.", nameof(options));
        }

        var https = address.Scheme == "https";
        if (https != (options.ServerCertificate is not null))
        {
            throw new ArgumentException(
                https
                    ? $"SimulatorOptions.Url '{url}' is https but no ServerCertificate is set."
                    : $"SimulatorOptions.Url '{url}' is http but a ServerCertificate is set; use https.",
                nameof(options));
        }

        return address;
    }

    private static void Listen(KestrelServerOptions kestrel, BindingAddress address, SimulatorOptions options)
    {
        Action<ListenOptions> configure = listen =>
        {
            if (options.ServerCertificate is { } certificate)
            {
                listen.UseHttps(Https(certificate, options));
            }
        };

        if (address.Host is "*" or "+" or "0.0.0.0" or "[::]")
        {
            kestrel.ListenAnyIP(address.Port, configure);
        }
        else if (string.Equals(address.Host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            kestrel.ListenLocalhost(address.Port, configure);
        }
        else if (IPAddress.TryParse(address.Host.Trim('[', ']'), out var ip))
        {
            kestrel.Listen(ip, address.Port, configure);
        }
        else
        {
            throw new ArgumentException($"SimulatorOptions.Url host '{address.Host}' must be an IP address, localhost or *.", nameof(options));
        }
    }

    private static HttpsConnectionAdapterOptions Https(System.Security.Cryptography.X509Certificates.X509Certificate2 certificate, SimulatorOptions options)
    {
        var validator = options.ClientCertificateValidator;
        return new HttpsConnectionAdapterOptions
        {
            ServerCertificate = certificate,
            SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
            ClientCertificateMode = options.RequireClientCertificate
                ? ClientCertificateMode.RequireCertificate
                : validator is null ? ClientCertificateMode.NoCertificate : ClientCertificateMode.AllowCertificate,
            // Chain errors are expected (tests use self-signed certificates); the validator decides.
            ClientCertificateValidation = (clientCertificate, _, _) => validator?.Invoke(clientCertificate) ?? true,
        };
    }
}

using Broadcast.Durable;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace Broadcast.Host;

/// <summary>OpenTelemetry metrics, exported only where configured (console, OTLP).</summary>
public static class TelemetryExtensions
{
    /// <summary>The meters exported: the host's, the sessions' (vendor calls included), the engine's and ASP.NET Core's.</summary>
    public static IReadOnlyList<string> Meters { get; } =
        [HostMetrics.MeterName, "Broadcast.Sessions", DurableEngine.MeterName, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel"];

    /// <summary>
    /// Adds an OpenTelemetry meter provider when <see cref="HostOptions.ConsoleMetrics"/>, <see cref="HostOptions.OtlpEndpoint"/>
    /// or the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> asks for an exporter; otherwise the instruments still exist
    /// (for <c>dotnet-counters</c> and in-process listeners) but nothing is exported.
    /// </summary>
    public static IServiceCollection AddBroadcastTelemetry(this IServiceCollection services, HostOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var otlpFromEnvironment = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("OTEL_EXPORTER_OTLP_ENDPOINT"));
        if (!options.ConsoleMetrics && options.OtlpEndpoint is null && !otlpFromEnvironment)
        {
            return services;
        }

        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("broadcast-host"))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter([.. Meters]);
                if (options.ConsoleMetrics)
                {
                    metrics.AddConsoleExporter();
                }

                if (options.OtlpEndpoint is { } endpoint)
                {
                    // A relative one is refused at start by HostOptionsValidator, naming the setting; the exporter,
                    // built before that check runs, would fail first without saying which setting is wrong.
                    if (endpoint.IsAbsoluteUri)
                    {
                        metrics.AddOtlpExporter(otlp => otlp.Endpoint = endpoint);
                    }
                }
                else if (otlpFromEnvironment)
                {
                    metrics.AddOtlpExporter();
                }
            });
        return services;
    }
}

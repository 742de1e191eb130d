using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Broadcast.Host;

/// <summary><c>GET /healthz</c>: the one endpoint that needs no API key, for load balancers and probes.</summary>
public static class HealthApi
{
    /// <summary>The path of the health endpoint.</summary>
    public const string Path = "/healthz";

    /// <summary>Maps <c>/healthz</c>: 200 when the engine's store answers, 503 when it does not.</summary>
    public static IEndpointConventionBuilder MapHealthApi(this IEndpointRouteBuilder app) =>
        app.MapHealthChecks(Path, new HealthCheckOptions { ResponseWriter = WriteAsync })
            .WithTags("Health")
            .WithDisplayName("Health");

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(
                entry => entry.Key,
                entry => new { status = entry.Value.Status.ToString(), description = entry.Value.Description }),
        };
        return JsonSerializer.SerializeAsync(context.Response.Body, body, JsonSerializerOptions.Web, context.RequestAborted);
    }
}

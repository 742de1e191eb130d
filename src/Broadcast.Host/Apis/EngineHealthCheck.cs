using Broadcast.Durable;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Broadcast.Host;

/// <summary>Healthy when the engine's store answers a one-row query.</summary>
internal sealed class EngineHealthCheck(IOrchestrationClient client) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await client.QueryInstancesAsync(new OrchestrationQuery { PageSize = 1 }, cancellationToken);
            return HealthCheckResult.Healthy("The engine's store answers.");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"The engine's store does not answer: {e.Message}");
        }
    }
}

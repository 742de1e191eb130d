using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Broadcast.Ilvb.Simulator;

/// <summary>Maps the simulator into any ASP.NET Core application, so a host can serve it in-process.</summary>
public static class SimulatorEndpointExtensions
{
    /// <summary>
    /// Maps <c>POST v3/openim/videorelay</c> and (unless <paramref name="includeControlApi"/> is false)
    /// the control API under <c>control/</c>, relative to <paramref name="endpoints"/> (a route group
    /// gives them a prefix). The caller owns <paramref name="state"/> and <paramref name="faults"/>.
    /// </summary>
    /// <returns>The group holding the simulator's endpoints.</returns>
    public static RouteGroupBuilder MapIlvbSimulator(
        this IEndpointRouteBuilder endpoints,
        SimulatorState state,
        FaultPlan faults,
        SimulatorOptions options,
        bool includeControlApi = true)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(faults);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();

        var loggerFactory = endpoints.ServiceProvider.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance;
        var logger = loggerFactory.CreateLogger("Broadcast.Ilvb.Simulator");
        var group = endpoints.MapGroup(string.Empty);
        var videorelay = new VideorelayEndpoint(state, faults, options, logger);
        group.MapPost(VideorelayEndpoint.Path, (RequestDelegate)videorelay.HandleAsync);
        if (includeControlApi)
        {
            group.MapControlApi(state, faults, options, logger);
        }

        return group;
    }
}

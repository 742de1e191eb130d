using System.Diagnostics.Metrics;
using Broadcast.Durable.Dispatch;
using Broadcast.Durable.Registration;
using Broadcast.Durable.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Broadcast.Durable;

/// <summary>Registers the embedded durable engine.</summary>
public static class DurableEngineServiceCollectionExtensions
{
    /// <summary>
    /// Adds the engine, its client (<see cref="IOrchestrationClient"/> and <see cref="DurableOrchestrationClient"/>)
    /// and a hosted service that starts and stops it. Options are validated on start.
    /// </summary>
    public static IDurableEngineBuilder AddDurableEngine(this IServiceCollection services, Action<DurableEngineOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<DurableEngineOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        return AddCore(services, options);
    }

    /// <summary>Adds the engine with options bound from <paramref name="configuration"/> (e.g. the section <c>Engine</c>).</summary>
    public static IDurableEngineBuilder AddDurableEngine(this IServiceCollection services, IConfiguration configuration, Action<DurableEngineOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var options = services.AddOptions<DurableEngineOptions>().Bind(configuration);
        if (configure is not null)
        {
            options.Configure(configure);
        }

        return AddCore(services, options);
    }

    private static DurableEngineBuilder AddCore(IServiceCollection services, OptionsBuilder<DurableEngineOptions> options)
    {
        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DurableEngineOptions>, DurableEngineOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        // Calling AddDurableEngine twice adds to the same registry.
        var registry = services.FirstOrDefault(d => d.ServiceType == typeof(TaskRegistry))?.ImplementationInstance as TaskRegistry;
        if (registry is null)
        {
            registry = new TaskRegistry();
            services.AddSingleton(registry);
            services.TryAddSingleton(sp => new EngineMetrics(sp.GetService<IMeterFactory>()));
            services.TryAddSingleton(sp => new DurableStore(
                sp.GetRequiredService<IOptions<DurableEngineOptions>>(), sp.GetRequiredService<TimeProvider>(), LoggerFactoryOf(sp),
                sp.GetRequiredService<EngineMetrics>(), sp.GetService<LogFlush>()));
            services.TryAddSingleton(sp => new EngineRuntime(
                sp.GetRequiredService<DurableStore>(), registry, sp, sp.GetRequiredService<IOptions<DurableEngineOptions>>(),
                sp.GetRequiredService<TimeProvider>(), LoggerFactoryOf(sp), sp.GetRequiredService<EngineMetrics>()));
            services.TryAddSingleton(sp => new DurableEngine(sp.GetRequiredService<EngineRuntime>()));
            services.TryAddSingleton(sp => new DurableOrchestrationClient(
                sp.GetRequiredService<DurableStore>(), sp.GetRequiredService<EngineRuntime>(), registry,
                sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IOptions<DurableEngineOptions>>()));
            services.TryAddSingleton<IOrchestrationClient>(sp => sp.GetRequiredService<DurableOrchestrationClient>());
            services.AddHostedService<DurableEngineHostedService>();
        }

        return new DurableEngineBuilder(services, registry);
    }

    private static ILoggerFactory LoggerFactoryOf(IServiceProvider services) =>
        services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance;
}

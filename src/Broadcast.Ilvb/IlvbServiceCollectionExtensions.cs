using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Broadcast.Ilvb;

/// <summary>Registers the ILVB client: options (validated at start), catalog, UserSig provider and the typed HTTP client.</summary>
public static class IlvbServiceCollectionExtensions
{
    private const int MaxResponseBytes = 1024 * 1024;

    /// <summary>
    /// Registers <see cref="IIlvbClient"/> with <see cref="IlvbOptions"/> bound from the section
    /// <c>Ilvb</c> of <paramref name="configuration"/> (the root configuration).
    /// </summary>
    public static IServiceCollection AddIlvbClient(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<IlvbOptions>().Bind(configuration.GetSection(IlvbOptions.SectionName));
        return AddCore(services);
    }

    /// <summary>Registers <see cref="IIlvbClient"/> with <see cref="IlvbOptions"/> set in code.</summary>
    public static IServiceCollection AddIlvbClient(this IServiceCollection services, Action<IlvbOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<IlvbOptions>().Configure(configure);
        return AddCore(services);
    }

    private static IServiceCollection AddCore(IServiceCollection services)
    {
        services.AddOptions<IlvbOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<IlvbOptions>, IlvbOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new IlvbErrorCatalog(Options(sp).TransientCodes));
        services.TryAddSingleton(CreateUserSigProvider);

        services.AddHttpClient<IIlvbClient, IlvbClient>(http =>
            {
                // IlvbClient applies RequestTimeout itself, to tell a timeout from the caller's cancellation.
                http.Timeout = Timeout.InfiniteTimeSpan;
                http.MaxResponseContentBufferSize = MaxResponseBytes;
            })
            .ConfigurePrimaryHttpMessageHandler(sp => IlvbHttpHandlerFactory.Create(Options(sp)))
            // The factory's loggers write request URLs, and ours carry the UserSig.
            .RemoveAllLoggers();
        return services;
    }

    private static IUserSigProvider CreateUserSigProvider(IServiceProvider services)
    {
        var options = Options(services);
        if (!string.IsNullOrWhiteSpace(options.UserSig))
        {
            return new ConfiguredUserSigProvider(options.UserSig);
        }

        return new GeneratedUserSigProvider(
            options.SdkAppId,
            options.Identifier,
            options.SecretKey ?? "",
            options.UserSigExpiry,
            services.GetRequiredService<TimeProvider>(),
            services.GetRequiredService<ILoggerFactory>().CreateLogger<GeneratedUserSigProvider>());
    }

    private static IlvbOptions Options(IServiceProvider services) => services.GetRequiredService<IOptions<IlvbOptions>>().Value;
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;

namespace Broadcast.Ilvb.Tests;

/// <summary>Service providers holding a real <see cref="IlvbClient"/> pointed at a loopback server, with captured logs.</summary>
internal static class TestClients
{
    public const uint SdkAppId = 1400000000;
    public const string Identifier = "admin";
    public const string SecretKey = "5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e";

    /// <summary>Generous: the machine running the tests may be busy.</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    public static ServiceProvider Build(Uri baseUrl, Action<IlvbOptions>? configure = null, TimeProvider? timeProvider = null)
    {
        var services = new ServiceCollection();
        if (timeProvider is not null)
        {
            services.AddSingleton(timeProvider);
        }

        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddFakeLogging());
        services.AddIlvbClient(options =>
        {
            options.SdkAppId = SdkAppId;
            options.Identifier = Identifier;
            options.SecretKey = SecretKey;
            options.BaseUrl = baseUrl;
            options.RequestTimeout = RequestTimeout;
            configure?.Invoke(options);
        });
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        provider.GetRequiredService<IStartupValidator>().Validate();
        return provider;
    }

    public static IIlvbClient Client(this IServiceProvider services) => services.GetRequiredService<IIlvbClient>();

    public static FakeLogCollector Logs(this IServiceProvider services) => services.GetFakeLogCollector();
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Broadcast.Durable.Tests;

public sealed class RegistrationTests
{
    [Fact]
    public void AddDurableEngine_FromConfiguration_BindsTheEngineSection()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Engine:DatabasePath"] = "custom/path.db",
            ["Engine:MaxConcurrentActivities"] = "7",
        }).Build();
        var services = new ServiceCollection();

        services.AddDurableEngine(configuration.GetSection("Engine"));
        using var provider = services.BuildServiceProvider();
        var options = provider.GetRequiredService<IOptions<DurableEngineOptions>>().Value;

        Assert.Equal("custom/path.db", options.DatabasePath);
        Assert.Equal(7, options.MaxConcurrentActivities);
        Assert.Equal(new DurableEngineOptions().MaxConcurrentOrchestrations, options.MaxConcurrentOrchestrations);
        Assert.Same(provider.GetRequiredService<DurableOrchestrationClient>(), provider.GetRequiredService<IOrchestrationClient>());
        Assert.Single(provider.GetServices<IHostedService>());
        Assert.Same(TimeProvider.System, provider.GetRequiredService<TimeProvider>());
    }

    [Fact]
    public void InvalidOptions_FailValidation_NamingEachSetting()
    {
        var services = new ServiceCollection();
        services.AddDurableEngine(o =>
        {
            o.DatabasePath = " ";
            o.MaxConcurrentOrchestrations = 0;
            o.MaxBatchSize = -1;
        });
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<DurableEngineOptions>>().Value);

        Assert.Contains(error.Failures, f => f.Contains("Engine:DatabasePath", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("Engine:MaxConcurrentOrchestrations", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("Engine:MaxBatchSize", StringComparison.Ordinal));
    }

    [Fact]
    public void Registering_TheSameNameTwice_OrAClassWithoutTheInterface_IsRejected()
    {
        var builder = new ServiceCollection().AddDurableEngine();
        builder.AddActivity<int, int>("Same", (_, x, _) => Task.FromResult(x));

        var duplicate = Assert.Throws<ArgumentException>(() => builder.AddActivity<int, int>("same", (_, x, _) => Task.FromResult(x)));
        var wrongType = Assert.Throws<ArgumentException>(() => builder.AddOrchestrator<RegistrationTests>("Wrong"));

        Assert.Contains("'same'", duplicate.Message, StringComparison.Ordinal);
        Assert.Contains("IOrchestrator<TInput, TOutput>", wrongType.Message, StringComparison.Ordinal);
    }
}

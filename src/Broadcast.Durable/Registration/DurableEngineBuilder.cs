using Microsoft.Extensions.DependencyInjection;

namespace Broadcast.Durable.Registration;

/// <summary>Adds registrations to the engine's <see cref="TaskRegistry"/>.</summary>
internal sealed class DurableEngineBuilder(IServiceCollection services, TaskRegistry registry) : IDurableEngineBuilder
{
    public IServiceCollection Services { get; } = services;

    public IDurableEngineBuilder AddOrchestrator<TOrchestrator>(string name) where TOrchestrator : class
    {
        registry.AddOrchestratorType(name, typeof(TOrchestrator));
        return this;
    }

    public IDurableEngineBuilder AddActivity<TActivity>(string name) where TActivity : class
    {
        registry.AddActivityType(name, typeof(TActivity));
        return this;
    }

    public IDurableEngineBuilder AddOrchestrator<TInput, TOutput>(string name, Func<IOrchestrationContext, TInput, Task<TOutput>> run)
    {
        registry.AddOrchestratorDelegate(name, run);
        return this;
    }

    public IDurableEngineBuilder AddActivity<TInput, TOutput>(string name, Func<IActivityContext, TInput, CancellationToken, Task<TOutput>> run)
    {
        registry.AddActivityDelegate(name, run);
        return this;
    }
}

using Microsoft.Extensions.DependencyInjection;

namespace Broadcast.Durable;

/// <summary>Registers orchestrators and activities with the embedded engine, by name.</summary>
public interface IDurableEngineBuilder
{
    /// <summary>The service collection the engine is registered in.</summary>
    IServiceCollection Services { get; }

    /// <summary>
    /// Registers an orchestrator class implementing <see cref="IOrchestrator{TInput, TOutput}"/>; a new
    /// instance is created for every execution (replay) with constructor injection from the root provider.
    /// </summary>
    IDurableEngineBuilder AddOrchestrator<TOrchestrator>(string name) where TOrchestrator : class;

    /// <summary>
    /// Registers an activity class implementing <see cref="IActivity{TInput, TOutput}"/>; a new instance is
    /// created for every invocation from a new DI scope.
    /// </summary>
    IDurableEngineBuilder AddActivity<TActivity>(string name) where TActivity : class;

    /// <summary>Registers an orchestrator delegate.</summary>
    IDurableEngineBuilder AddOrchestrator<TInput, TOutput>(string name, Func<IOrchestrationContext, TInput, Task<TOutput>> run);

    /// <summary>Registers an activity delegate.</summary>
    IDurableEngineBuilder AddActivity<TInput, TOutput>(string name, Func<IActivityContext, TInput, CancellationToken, Task<TOutput>> run);
}

namespace Broadcast.Durable;

/// <summary>An orchestration: deterministic code that is replayed from its history.</summary>
/// <typeparam name="TInput">The instance's input.</typeparam>
/// <typeparam name="TOutput">The instance's output.</typeparam>
public interface IOrchestrator<in TInput, TOutput>
{
    /// <summary>Runs (or replays) the orchestration.</summary>
    Task<TOutput> RunAsync(IOrchestrationContext context, TInput input);
}

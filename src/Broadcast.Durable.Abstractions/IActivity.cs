namespace Broadcast.Durable;

/// <summary>An activity: one unit of side-effecting work, run at least once, its result recorded once.</summary>
/// <typeparam name="TInput">The activity's input.</typeparam>
/// <typeparam name="TOutput">The activity's output.</typeparam>
public interface IActivity<in TInput, TOutput>
{
    /// <summary>Runs the activity.</summary>
    Task<TOutput> RunAsync(IActivityContext context, TInput input, CancellationToken cancellationToken);
}

namespace Broadcast.Durable;

/// <summary>Conveniences over <see cref="IOrchestrationContext"/>, as Durable Task offers them.</summary>
public static class OrchestrationContextExtensions
{
    /// <summary>A durable timer that fires <paramref name="delay"/> after the current replay-safe time.</summary>
    public static Task CreateTimer(this IOrchestrationContext context, TimeSpan delay, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.CreateTimer(context.CurrentUtcDateTime.Add(delay), cancellationToken);
    }
}

using System.Text;
using Broadcast.Durable;
using Dt = Microsoft.DurableTask;

namespace Broadcast.Functions;

/// <summary>
/// Maps <see cref="RetryPolicy"/> onto Durable Task's retry handler. Durable Task's declarative
/// <see cref="Dt.RetryPolicy"/> cannot say what ours says (a retry timeout that bounds when the next attempt
/// starts, no default cap of one hour, a jitter, a predicate over our failure details), so each retry decision is
/// made here from our policy and the wait is a durable timer on the orchestration, as in the embedded engine.
/// </summary>
internal static class DurableTaskRetry
{
    public static Dt.TaskOptions? ToTaskOptions(TaskOptions? options) =>
        options?.Retry is { } policy ? Dt.TaskOptions.FromRetryHandler(context => RetryAsync(policy, context)) : null;

    private static async Task<bool> RetryAsync(RetryPolicy policy, Dt.RetryContext context)
    {
        var nextAttempt = context.LastAttemptNumber + 1;
        if (nextAttempt > policy.MaxNumberOfAttempts)
        {
            return false;
        }

        if (policy.HandleFailure is { } handle && !handle(DurableTaskMapping.ToFailureDetails(context.LastFailure)))
        {
            return false;
        }

        var delay = Jitter(policy.DelayBefore(nextAttempt), policy.JitterFactor, context.OrchestrationContext.InstanceId, nextAttempt);

        // TotalRetryTime runs from the first attempt's scheduling: no attempt may start past the retry timeout.
        if (policy.RetryTimeout is { } timeout && context.TotalRetryTime + delay > timeout)
        {
            return false;
        }

        await context.OrchestrationContext.CreateTimer(delay, context.CancellationToken);
        return true;
    }

    /// <summary>
    /// Scales <paramref name="delay"/> by a factor in [1 - factor, 1 + factor] fixed by instance and attempt, so
    /// replays agree — the embedded engine's formula (FNV-1a over "{instanceId}#{attempt}", splitmix64 finish), so
    /// both hosts wait alike. It belongs in Broadcast.Durable.Abstractions, where both could share it.
    /// </summary>
    private static TimeSpan Jitter(TimeSpan delay, double factor, string instanceId, int attempt)
    {
        if (factor <= 0)
        {
            return delay;
        }

        const ulong offset = 14695981039346656037UL;
        const ulong prime = 1099511628211UL;
        var hash = offset;
        foreach (var b in Encoding.UTF8.GetBytes($"{instanceId}#{attempt}"))
        {
            hash = (hash ^ b) * prime;
        }

        hash ^= hash >> 30;
        hash *= 0xBF58476D1CE4E5B9UL;
        hash ^= hash >> 27;
        hash *= 0x94D049BB133111EBUL;
        hash ^= hash >> 31;
        var unit = (hash >> 11) * (1.0 / (1UL << 53));
        var scale = 1.0 + (Math.Min(factor, 1.0) * ((2.0 * unit) - 1.0));
        return TimeSpan.FromTicks((long)(delay.Ticks * scale));
    }
}

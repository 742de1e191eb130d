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

        // The embedded engine's jittered wait (RetryJitter), so both hosts wait alike for the same instance and attempt.
        var delay = policy.JitteredDelay(context.OrchestrationContext.InstanceId, nextAttempt);

        // TotalRetryTime runs from the first attempt's scheduling: no attempt may start past the retry timeout.
        if (policy.RetryTimeout is { } timeout && context.TotalRetryTime + delay > timeout)
        {
            return false;
        }

        await context.OrchestrationContext.CreateTimer(delay, context.CancellationToken);
        return true;
    }
}

namespace Broadcast.Durable.Execution;

/// <summary>Activity retries on durable timers, so every attempt and every wait is in history.</summary>
internal sealed partial class ReplayContext
{
    private async Task<string?> CallWithRetryAsync(string name, string? inputJson, RetryPolicy policy)
    {
        var firstAttemptAt = CurrentUtcDateTime;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await ScheduleActivity(name, inputJson);
            }
            catch (TaskFailedException failure) when (attempt < policy.MaxNumberOfAttempts)
            {
                if (policy.HandleFailure is { } handle && !handle(failure.FailureDetails))
                {
                    throw;
                }

                var delay = policy.JitteredDelay(InstanceId, attempt + 1);
                var nextAttemptAt = CurrentUtcDateTime.Add(delay);
                if (policy.RetryTimeout is { } limit && nextAttemptAt > firstAttemptAt.Add(limit))
                {
                    throw;
                }

                await CreateTimerCore(nextAttemptAt, onFired: null, CancellationToken.None);
            }
        }
    }
}

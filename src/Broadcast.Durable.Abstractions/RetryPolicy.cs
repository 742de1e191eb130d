namespace Broadcast.Durable;

/// <summary>
/// Retry of a failed activity call, waiting on durable timers between attempts (Durable Task's
/// <c>RetryPolicy</c>, plus a jitter that is deterministic under replay).
/// </summary>
public sealed record RetryPolicy
{
    /// <summary>Creates a policy.</summary>
    /// <param name="maxNumberOfAttempts">Attempts in all, the first included; at least 1.</param>
    /// <param name="firstRetryInterval">The wait before the second attempt; positive.</param>
    /// <param name="backoffCoefficient">The factor between successive waits; at least 1.</param>
    /// <param name="maxRetryInterval">The cap of one wait; null for no cap.</param>
    /// <param name="retryTimeout">No attempt starts after this much time since the first; null for no limit.</param>
    public RetryPolicy(
        int maxNumberOfAttempts,
        TimeSpan firstRetryInterval,
        double backoffCoefficient = 1.0,
        TimeSpan? maxRetryInterval = null,
        TimeSpan? retryTimeout = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxNumberOfAttempts, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(firstRetryInterval, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(backoffCoefficient, 1.0);
        MaxNumberOfAttempts = maxNumberOfAttempts;
        FirstRetryInterval = firstRetryInterval;
        BackoffCoefficient = backoffCoefficient;
        MaxRetryInterval = maxRetryInterval;
        RetryTimeout = retryTimeout;
    }

    /// <summary>Attempts in all, the first included.</summary>
    public int MaxNumberOfAttempts { get; }

    /// <summary>The wait before the second attempt.</summary>
    public TimeSpan FirstRetryInterval { get; }

    /// <summary>The factor between successive waits.</summary>
    public double BackoffCoefficient { get; }

    /// <summary>The cap of one wait, or null.</summary>
    public TimeSpan? MaxRetryInterval { get; }

    /// <summary>The overall limit since the first attempt, or null.</summary>
    public TimeSpan? RetryTimeout { get; }

    /// <summary>
    /// Fraction (0 to 1) by which each wait is spread: the wait is scaled by a factor in
    /// [1 - JitterFactor, 1 + JitterFactor], derived from the instance id and attempt so replays agree.
    /// </summary>
    public double JitterFactor { get; init; }

    /// <summary>Which failures are retried; null retries every failure. Sees failure details, not exceptions.</summary>
    public Func<TaskFailureDetails, bool>? HandleFailure { get; init; }

    /// <summary>
    /// The wait before attempt <paramref name="nextAttempt"/> (2 for the first retry), before jitter.
    /// </summary>
    public TimeSpan DelayBefore(int nextAttempt)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(nextAttempt, 2);
        var ticks = FirstRetryInterval.Ticks * Math.Pow(BackoffCoefficient, nextAttempt - 2);
        var cap = MaxRetryInterval?.Ticks ?? long.MaxValue;
        return TimeSpan.FromTicks((long)Math.Min(ticks, cap));
    }

    /// <summary>
    /// The wait before attempt <paramref name="nextAttempt"/> of <paramref name="instanceId"/>, jitter included
    /// (<see cref="RetryJitter"/>): deterministic, so replays and both hosts agree.
    /// </summary>
    public TimeSpan JitteredDelay(string instanceId, int nextAttempt) =>
        RetryJitter.Apply(DelayBefore(nextAttempt), JitterFactor, instanceId, nextAttempt);
}

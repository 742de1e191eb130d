namespace Broadcast.Sessions;

/// <summary>
/// When to try a vendor call again: exponential backoff with a cap and a jitter, bounded by a
/// number of attempts, a total time, or both. Waits are durable timers in the orchestration.
/// </summary>
public sealed record RetrySchedule
{
    /// <summary>The wait before the second attempt.</summary>
    public TimeSpan FirstDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The factor between successive waits (1 to 10).</summary>
    public double Backoff { get; init; } = 2;

    /// <summary>The cap of one wait (before jitter).</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Attempts in all, the first included; null for no count limit.</summary>
    public int? MaxAttempts { get; init; }

    /// <summary>No retry is scheduled that would start later than this after the first attempt; null for no time limit.</summary>
    public TimeSpan? GiveUpAfter { get; init; }

    /// <summary>Each wait is scaled by a factor in [1 - JitterFactor, 1 + JitterFactor] (0 to 1), the same on every replay.</summary>
    public double JitterFactor { get; init; } = 0.2;

    /// <summary>The wait before attempt <paramref name="nextAttempt"/> (2 for the first retry), capped, before jitter.</summary>
    public TimeSpan BaseDelayBefore(int nextAttempt)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(nextAttempt, 2);
        var ticks = FirstDelay.Ticks * Math.Pow(Backoff, nextAttempt - 2);
        return TimeSpan.FromTicks((long)Math.Min(ticks, MaxDelay.Ticks));
    }

    /// <summary>This schedule with the non-null members of <paramref name="changes"/> applied.</summary>
    public RetrySchedule With(RetryOverride? changes) => changes is null
        ? this
        : this with
        {
            FirstDelay = changes.FirstDelay ?? FirstDelay,
            Backoff = changes.Backoff ?? Backoff,
            MaxDelay = changes.MaxDelay ?? MaxDelay,
            MaxAttempts = changes.MaxAttempts ?? MaxAttempts,
            GiveUpAfter = changes.GiveUpAfter ?? GiveUpAfter,
            JitterFactor = changes.JitterFactor ?? JitterFactor,
        };
}

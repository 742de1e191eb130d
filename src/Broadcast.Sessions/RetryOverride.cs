namespace Broadcast.Sessions;

/// <summary>Changes to one <see cref="RetrySchedule"/>; null members keep the configured value.</summary>
public sealed record RetryOverride
{
    /// <summary>See <see cref="RetrySchedule.FirstDelay"/>.</summary>
    public TimeSpan? FirstDelay { get; init; }

    /// <summary>See <see cref="RetrySchedule.Backoff"/>.</summary>
    public double? Backoff { get; init; }

    /// <summary>See <see cref="RetrySchedule.MaxDelay"/>.</summary>
    public TimeSpan? MaxDelay { get; init; }

    /// <summary>See <see cref="RetrySchedule.MaxAttempts"/>.</summary>
    public int? MaxAttempts { get; init; }

    /// <summary>See <see cref="RetrySchedule.GiveUpAfter"/>.</summary>
    public TimeSpan? GiveUpAfter { get; init; }

    /// <summary>See <see cref="RetrySchedule.JitterFactor"/>.</summary>
    public double? JitterFactor { get; init; }
}

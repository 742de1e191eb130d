namespace Broadcast.Sessions;

/// <summary>One session's changes to the configured retry behaviour; null members keep the configuration.</summary>
public sealed record SessionRetryOverrides
{
    /// <summary>Changes to <see cref="SessionOptions.StartRetry"/>.</summary>
    public RetryOverride? Start { get; init; }

    /// <summary>Changes to <see cref="SessionOptions.StopRetry"/>.</summary>
    public RetryOverride? Stop { get; init; }

    /// <summary>Overrides <see cref="SessionOptions.RetryAdvisedStarts"/>.</summary>
    public bool? RetryAdvisedStarts { get; init; }
}

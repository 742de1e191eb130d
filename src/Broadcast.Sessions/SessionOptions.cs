namespace Broadcast.Sessions;

/// <summary>Session defaults, configuration section <c>Sessions</c>; validated when the host starts.</summary>
public sealed class SessionOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Sessions";

    /// <summary>How long a session waits for its anchor when the request does not say (1 s to 24 h).</summary>
    public TimeSpan DefaultJoinTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long a session stays live at most when the request does not say (1 s to 7 d).</summary>
    public TimeSpan DefaultMaxDuration { get; set; } = TimeSpan.FromHours(4);

    /// <summary>How long a live session waits for its anchor to rejoin after a leave when the request does not say (0 s to 24 h).</summary>
    public TimeSpan DefaultLeaveGrace { get; set; } = BroadcastSessionInput.StandardLeaveGrace;

    /// <summary>Retries of start push and start recording.</summary>
    public RetrySchedule StartRetry { get; set; } = new() { MaxAttempts = 6 };

    /// <summary>Retries of stop recording and stop push: far longer than starts, because a leaked push costs money.</summary>
    public RetrySchedule StopRetry { get; set; } = new()
    {
        MaxDelay = TimeSpan.FromMinutes(5),
        GiveUpAfter = TimeSpan.FromHours(24),
    };

    /// <summary>Whether starts also retry the codes the vendor calls "may be caused by network problem"; stops always do.</summary>
    public bool RetryAdvisedStarts { get; set; }
}

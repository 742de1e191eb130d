namespace Broadcast.Sessions;

/// <summary>
/// The input of <see cref="BroadcastSessionOrchestrator"/>: the request with every default resolved at
/// creation, so a change of configuration never changes a running session (nor its replays).
/// </summary>
public sealed record BroadcastSessionInput
{
    /// <summary>The leave grace of a session whose input predates the setting, and the default of <see cref="SessionOptions.DefaultLeaveGrace"/>.</summary>
    public static readonly TimeSpan StandardLeaveGrace = TimeSpan.FromSeconds(60);

    /// <summary>The request as the caller gave it.</summary>
    public required SessionRequest Request { get; init; }

    /// <summary>The effective join timeout.</summary>
    public required TimeSpan JoinTimeout { get; init; }

    /// <summary>The effective maximum live duration.</summary>
    public required TimeSpan MaxDuration { get; init; }

    /// <summary>The effective leave grace: how long a live session waits for its anchor to rejoin.</summary>
    public TimeSpan LeaveGrace { get; init; } = StandardLeaveGrace;

    /// <summary>The effective start retry schedule.</summary>
    public required RetrySchedule StartRetry { get; init; }

    /// <summary>The effective stop retry schedule.</summary>
    public required RetrySchedule StopRetry { get; init; }

    /// <summary>Whether starts retry "retry-advised" codes.</summary>
    public bool RetryAdvisedStarts { get; init; }

    /// <summary>
    /// Failed attempts of the recording's stop after which the push's stop goes first. Null in inputs that predate it:
    /// those sessions replay the order they ran with (recording stop to its end, then the push), so a session stopping
    /// when this version is deployed stays deterministic.
    /// </summary>
    public int? RecordingStopHeadStart { get; init; }

    /// <summary>Resolves <paramref name="request"/>'s defaults and overrides against <paramref name="options"/>.</summary>
    public static BroadcastSessionInput Create(SessionRequest request, SessionOptions options)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(options);
        return new BroadcastSessionInput
        {
            Request = request,
            JoinTimeout = request.JoinTimeout ?? options.DefaultJoinTimeout,
            MaxDuration = request.MaxDuration ?? options.DefaultMaxDuration,
            LeaveGrace = request.LeaveGrace ?? options.DefaultLeaveGrace,
            StartRetry = options.StartRetry.With(request.Retry?.Start),
            StopRetry = options.StopRetry.With(request.Retry?.Stop),
            RetryAdvisedStarts = request.Retry?.RetryAdvisedStarts ?? options.RetryAdvisedStarts,
            RecordingStopHeadStart = StopPhases.RecordingHeadStart,
        };
    }
}

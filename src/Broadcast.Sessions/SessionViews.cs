using Broadcast.Durable;

namespace Broadcast.Sessions;

/// <summary>Builds a <see cref="SessionView"/> from an instance's metadata, custom status and output.</summary>
internal static class SessionViews
{
    public static SessionView From(OrchestrationMetadata metadata)
    {
        var input = TryRead(metadata.ReadInputAs<BroadcastSessionInput>);
        var progress = TryRead(metadata.ReadCustomStatusAs<SessionProgress>);
        var result = metadata.RuntimeStatus == OrchestrationRuntimeStatus.Completed
            ? TryRead(metadata.ReadOutputAs<SessionResult>)
            : null;
        var (roomId, userId) = input is not null ? (input.Request.RoomId, input.Request.UserId) : ParseId(metadata.InstanceId);
        var status = StatusOf(metadata.RuntimeStatus, progress, result, input);
        return new SessionView
        {
            Id = metadata.InstanceId,
            RoomId = roomId,
            UserId = userId,
            Status = status,
            Phase = metadata.IsCompleted ? nameof(SessionPhase.Finished) : (progress?.Phase ?? PhaseBeforeStart(input)).ToString(),
            CreatedAt = metadata.CreatedAt,
            UpdatedAt = metadata.LastUpdatedAt,
            StartAt = input?.Request.StartAt,
            LiveUrls = result?.LiveUrls ?? progress?.LiveUrls ?? [],
            RecordingDegraded = result?.RecordingDegraded ?? progress?.RecordingDegraded ?? false,
            AnchorLeftAt = metadata.IsCompleted ? null : progress?.AnchorLeftAt,
            Result = result,
            Timeline = result?.Timeline ?? progress?.Timeline ?? [],
            TimelineCount = result?.Timeline.Count ?? progress?.TimelineCount ?? 0,
            Error = result?.Error ?? FailureOf(metadata) ?? progress?.Error,
            Request = input?.Request,
        };
    }

    public static SessionStatus StatusOf(
        OrchestrationRuntimeStatus runtimeStatus, SessionProgress? progress, SessionResult? result, BroadcastSessionInput? input) =>
        runtimeStatus switch
        {
            OrchestrationRuntimeStatus.Completed => result?.Outcome switch
            {
                SessionOutcome.Completed => SessionStatus.Completed,
                SessionOutcome.Cancelled => SessionStatus.Cancelled,
                SessionOutcome.JoinTimedOut => SessionStatus.JoinTimedOut,
                SessionOutcome.StopFailed => SessionStatus.StopFailed,
                SessionOutcome.AnchorLeft => SessionStatus.AnchorLeft,
                _ => SessionStatus.Failed,
            },
            OrchestrationRuntimeStatus.Failed => SessionStatus.Failed,
            OrchestrationRuntimeStatus.Terminated => SessionStatus.Terminated,
            _ => (progress?.Phase ?? PhaseBeforeStart(input)) switch
            {
                SessionPhase.Scheduled => SessionStatus.Scheduled,
                SessionPhase.WaitingForJoin => SessionStatus.WaitingForJoin,
                SessionPhase.StartingPush or SessionPhase.StartingRecording => SessionStatus.Starting,
                SessionPhase.Live => SessionStatus.Live,
                _ => SessionStatus.Stopping,
            },
        };

    /// <summary>The runtime statuses a session in <paramref name="status"/> can have (for a query).</summary>
    public static OrchestrationRuntimeStatus[] RuntimeStatusesOf(SessionStatus status) => status switch
    {
        SessionStatus.Completed or SessionStatus.Cancelled or SessionStatus.JoinTimedOut or SessionStatus.StopFailed
            or SessionStatus.AnchorLeft =>
            [OrchestrationRuntimeStatus.Completed],
        SessionStatus.Failed => [OrchestrationRuntimeStatus.Completed, OrchestrationRuntimeStatus.Failed],
        SessionStatus.Terminated => [OrchestrationRuntimeStatus.Terminated],
        _ => [OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.ContinuedAsNew],
    };

    /// <summary>A session that has not run yet (or not published its status) is scheduled or waiting for its anchor.</summary>
    private static SessionPhase PhaseBeforeStart(BroadcastSessionInput? input) =>
        input?.Request.StartAt is not null ? SessionPhase.Scheduled : SessionPhase.WaitingForJoin;

    private static SessionError? FailureOf(OrchestrationMetadata metadata) => metadata.FailureDetails is { } failure
        ? new SessionError(null, null, null, null, $"The session's orchestration failed: {failure.ErrorMessage}")
        : null;

    private static (uint RoomId, string UserId) ParseId(string instanceId)
    {
        // r{roomId}:u{userId}:{key}
        var parts = instanceId.Split(':', 3);
        return parts.Length == 3 && parts[0].Length > 1 && parts[1].StartsWith('u')
            && uint.TryParse(parts[0].AsSpan(1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var room)
            ? (room, parts[1][1..])
            : (0, "");
    }

    private static T? TryRead<T>(Func<T?> read) where T : class
    {
        try
        {
            return read();
        }
        catch (System.Text.Json.JsonException)
        {
            // A view must still show the instance when a stored document no longer matches the model.
            return null;
        }
    }
}

using Broadcast.Durable;

namespace Broadcast.Sessions;

public sealed partial class SessionService
{
    private const int MaxReasonLength = 500;

    /// <summary>Tells one session that its anchor joined the room.</summary>
    public Task<SignalResult> SignalUserJoinedAsync(string sessionId, CancellationToken cancellationToken) =>
        SignalAsync(sessionId, SessionEvents.UserJoined, new SignalPayload(timeProvider.GetUtcNow()), cancellationToken);

    /// <summary>
    /// Tells every session of room <paramref name="roomId"/> that waits for anchor <paramref name="userId"/>
    /// (scheduled or waiting for the join) that the anchor joined; returns the ids signalled.
    /// </summary>
    public async Task<IReadOnlyList<string>> SignalUserJoinedAsync(uint roomId, string userId, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (roomId == 0)
        {
            errors.Add("roomId", "must be between 1 and 4294967295.");
        }

        TextRules.Identifier(userId, SessionRequestValidator.MaxUserIdLength, SessionRequestValidator.UserIdExtraCharacters, "userId", errors);
        errors.ThrowIfAny();

        var signalled = new List<string>();
        string? token = null;
        do
        {
            var page = await client.QueryInstancesAsync(new OrchestrationQuery
            {
                InstanceIdPrefix = SessionIds.ForRoomAndUser(roomId, userId),
                Statuses = [OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Running],
                PageSize = 100,
                ContinuationToken = token,
            }, cancellationToken);
            foreach (var instance in page.Instances.Where(IsWaitingForJoin))
            {
                if (await TryRaiseAsync(instance.InstanceId, SessionEvents.UserJoined, new SignalPayload(timeProvider.GetUtcNow()),
                        cancellationToken))
                {
                    signalled.Add(instance.InstanceId);
                }
            }

            token = page.ContinuationToken;
        }
        while (token is not null);

        Log.RoomSignalled(logger, roomId, userId, signalled.Count);
        return signalled;
    }

    /// <summary>
    /// Cancels one session: before it is live it ends <see cref="SessionOutcome.Cancelled"/>; once live it
    /// stops and completes. Whatever may have started is stopped either way.
    /// </summary>
    public Task<SignalResult> CancelAsync(string sessionId, string? reason, CancellationToken cancellationToken)
    {
        if (reason is { Length: > MaxReasonLength })
        {
            throw new SessionValidationException(new Dictionary<string, string[]>
            {
                ["reason"] = [$"must be at most {MaxReasonLength} characters (got {reason.Length})."],
            });
        }

        return SignalAsync(sessionId, SessionEvents.Cancel, new SignalPayload(timeProvider.GetUtcNow(), reason), cancellationToken);
    }

    private async Task<SignalResult> SignalAsync(string sessionId, string eventName, SignalPayload payload, CancellationToken cancellationToken)
    {
        if (!IsPlausibleId(sessionId))
        {
            return SignalResult.NotFound;
        }

        var metadata = await client.GetInstanceAsync(sessionId, getInputsAndOutputs: false, cancellationToken);
        if (metadata is not { Name: SessionOrchestrations.BroadcastSession })
        {
            return SignalResult.NotFound;
        }

        if (metadata.IsCompleted)
        {
            return SignalResult.AlreadyFinished;
        }

        return await TryRaiseAsync(sessionId, eventName, payload, cancellationToken) ? SignalResult.Delivered : SignalResult.NotFound;
    }

    private async Task<bool> TryRaiseAsync(string sessionId, string eventName, SignalPayload payload, CancellationToken cancellationToken)
    {
        try
        {
            await client.RaiseEventAsync(sessionId, eventName, payload, cancellationToken);
            Log.SessionSignalled(logger, sessionId, eventName);
            return true;
        }
        catch (InstanceNotFoundException)
        {
            return false;
        }
    }

    private static bool IsWaitingForJoin(OrchestrationMetadata instance)
    {
        if (instance.Name != SessionOrchestrations.BroadcastSession)
        {
            return false;
        }

        SessionProgress? progress;
        try
        {
            progress = instance.ReadCustomStatusAs<SessionProgress>();
        }
        catch (System.Text.Json.JsonException)
        {
            progress = null;
        }

        // Not yet run: it will wait for the join, and the buffered signal will be there when it does.
        return progress is null || progress.Phase is SessionPhase.Scheduled or SessionPhase.WaitingForJoin;
    }
}

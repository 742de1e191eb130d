using Broadcast.Durable;

namespace Broadcast.Sessions;

public sealed partial class SessionService
{
    private const int MaxReasonLength = 500;

    /// <summary>Tells one session that its anchor joined the room.</summary>
    public Task<SignalResult> SignalUserJoinedAsync(string sessionId, CancellationToken cancellationToken) =>
        SignalAsync(sessionId, SessionEvents.UserJoined, new SignalPayload(timeProvider.GetUtcNow()), cancellationToken);

    /// <summary>
    /// Tells every session of room <paramref name="roomId"/> and anchor <paramref name="userId"/> that is waiting or live
    /// that the anchor joined (a live session whose anchor had left takes it as the rejoin); returns the ids signalled.
    /// </summary>
    public Task<IReadOnlyList<string>> SignalUserJoinedAsync(uint roomId, string userId, CancellationToken cancellationToken) =>
        SignalPresenceAsync(roomId, userId, PresenceSignal.Joined, cancellationToken);

    /// <summary>
    /// Cancels one session: before it is live it ends <see cref="SessionOutcome.Cancelled"/>; once live it
    /// stops and completes. Whatever may have started is stopped either way.
    /// </summary>
    public Task<SignalResult> CancelAsync(string sessionId, string? reason, CancellationToken cancellationToken)
    {
        // The reason lands in the session's timeline, which dashboards and terminals show as it is.
        var errors = new ValidationErrors();
        TextRules.Bounded(reason, MaxReasonLength, "reason", errors);
        errors.ThrowIfAny();

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
}

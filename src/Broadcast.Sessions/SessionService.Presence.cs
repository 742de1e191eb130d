using Broadcast.Durable;

namespace Broadcast.Sessions;

public sealed partial class SessionService
{
    /// <summary>Tells one session that its anchor left the room (see <see cref="SessionEvents.UserLeft"/>).</summary>
    public Task<SignalResult> SignalUserLeftAsync(string sessionId, CancellationToken cancellationToken) =>
        SignalPresenceAsync(sessionId, PresenceSignal.Left, cancellationToken);

    /// <summary>
    /// Tells every session of room <paramref name="roomId"/> and anchor <paramref name="userId"/> that is waiting or live
    /// that the anchor left; returns the ids signalled.
    /// </summary>
    public Task<IReadOnlyList<string>> SignalUserLeftAsync(uint roomId, string userId, CancellationToken cancellationToken) =>
        SignalPresenceAsync(roomId, userId, PresenceSignal.Left, cancellationToken);

    /// <summary>Sends <paramref name="signal"/> to one session.</summary>
    public Task<SignalResult> SignalPresenceAsync(string sessionId, PresenceSignal signal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(signal);
        ValidateSignal(signal, new ValidationErrors()).ThrowIfAny();
        return SignalAsync(sessionId, signal.EventName, PayloadOf(signal), cancellationToken);
    }

    /// <summary>
    /// Sends <paramref name="signal"/> to every session of room <paramref name="roomId"/> and anchor <paramref name="userId"/>
    /// that is waiting or live: not yet run, scheduled, waiting for the join, starting, or live (a stopping or finished
    /// session has no use for it). Returns the ids signalled; an invalid room or user throws <see cref="SessionValidationException"/>.
    /// </summary>
    public async Task<IReadOnlyList<string>> SignalPresenceAsync(uint roomId, string userId, PresenceSignal signal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(signal);
        var errors = new ValidationErrors();
        CheckAnchor(roomId, userId, errors);
        ValidateSignal(signal, errors).ThrowIfAny();

        var payload = PayloadOf(signal);
        var signalled = new List<string>();
        var running = client.QueryAllAsync(new OrchestrationQuery
        {
            InstanceIdPrefix = SessionIds.ForRoomAndUser(roomId, userId),
            Statuses = [OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Running],
            PageSize = 100,
            FetchInputsAndOutputs = true, // FollowsAnchor reads the custom status
        }, cancellationToken);
        await foreach (var instance in running)
        {
            if (FollowsAnchor(instance) && await TryRaiseAsync(instance.InstanceId, signal.EventName, payload, cancellationToken))
            {
                signalled.Add(instance.InstanceId);
            }
        }

        Log.RoomSignalled(logger, roomId, userId, signal.EventName, signalled.Count);
        return signalled;
    }

    /// <summary>
    /// The problems of a room and anchor as a session request would name them (<c>roomId</c>, <c>userId</c>); empty when
    /// both are valid. For callers that check them before anything is stored.
    /// </summary>
    public static IReadOnlyDictionary<string, string[]> CheckAnchor(uint roomId, string? userId)
    {
        var errors = new ValidationErrors();
        CheckAnchor(roomId, userId, errors);
        return errors.ToDictionary();
    }

    private static void CheckAnchor(uint roomId, string? userId, ValidationErrors errors)
    {
        if (roomId == 0)
        {
            errors.Add("roomId", "must be between 1 and 4294967295.");
        }

        TextRules.Identifier(userId, SessionRequestValidator.MaxUserIdLength, SessionRequestValidator.UserIdExtraCharacters, "userId", errors);
    }

    /// <summary>Gives a session just created the signals that waited for it in the backlog, oldest first.</summary>
    private async Task DeliverBacklogAsync(string sessionId, SessionRequest request, CancellationToken cancellationToken)
    {
        if (presenceBacklog is null)
        {
            return;
        }

        foreach (var signal in await presenceBacklog.PendingAsync(request.RoomId, request.UserId, cancellationToken))
        {
            if (await TryRaiseAsync(sessionId, signal.EventName, PayloadOf(signal), cancellationToken))
            {
                Log.BacklogDelivered(logger, sessionId, signal.EventName, signal.EventId);
            }
        }
    }

    private SignalPayload PayloadOf(PresenceSignal signal) =>
        new(timeProvider.GetUtcNow(), EventId: signal.EventId, EventTime: signal.EventTime);

    private static ValidationErrors ValidateSignal(PresenceSignal signal, ValidationErrors errors)
    {
        if (!Enum.IsDefined(signal.Change))
        {
            errors.Add("change", $"must be one of {string.Join(", ", Enum.GetNames<PresenceChange>())}.");
        }

        if (signal.EventId is not null)
        {
            TextRules.Required(signal.EventId, PresenceSignal.MaxEventIdLength, "eventId", errors);
        }

        return errors;
    }

    /// <summary>Whether a session of the room and anchor still follows the anchor's presence (waiting or live).</summary>
    private static bool FollowsAnchor(OrchestrationMetadata instance)
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

        // Not yet run: the signal is buffered until it follows the anchor.
        return progress is null || progress.Phase is SessionPhase.Scheduled or SessionPhase.WaitingForJoin
            or SessionPhase.StartingPush or SessionPhase.StartingRecording or SessionPhase.Live;
    }
}

using Broadcast.Sessions;
using Microsoft.Extensions.Options;

namespace Broadcast.Host;

/// <summary>
/// Takes room events whose signature was checked: counts each event id once, orders the events of a room and user by
/// their time, sends an enter as <c>UserJoined</c> and an exit as <c>UserLeft</c> to the waiting and live sessions of
/// that room and user, and holds an event no session takes for the early-event window (see <see cref="RoomEventBacklog"/>).
/// </summary>
internal sealed class RoomEventIntake(
    RoomEventStore store, SessionService sessions, IOptions<WebhookOptions> options, TimeProvider time, HostMetrics metrics,
    ILogger<RoomEventIntake> logger)
{
    private static readonly TimeSpan PruneInterval = TimeSpan.FromMinutes(1);
    private DateTimeOffset nextPrune = DateTimeOffset.MinValue;

    /// <summary>
    /// The receipt of <paramref name="roomEvent"/>; for an id already received, the first receipt with
    /// <see cref="RoomEventReceipt.Duplicate"/> set. An event time too far ahead throws <see cref="SessionValidationException"/>.
    /// </summary>
    public async Task<RoomEventReceipt> AcceptAsync(RoomEvent roomEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(roomEvent);
        var settings = options.Value;
        if (roomEvent.EventTime > time.GetUtcNow() + settings.MaxClockSkew)
        {
            throw new SessionValidationException(new Dictionary<string, string[]>
            {
                ["eventTime"] = [$"is more than {settings.MaxClockSkew} ahead of this host's clock (Webhooks:MaxClockSkew)."],
            });
        }

        using var lease = await store.LockAsync(cancellationToken);
        var now = time.GetUtcNow();
        await PruneIfDueAsync(now, settings.DedupRetention, cancellationToken);
        if (await store.FindAsync(roomEvent.EventId, cancellationToken) is { } seen)
        {
            metrics.RoomEvent("duplicate");
            Log.RoomEventDuplicate(logger, seen.EventId, seen.Disposition);
            return seen with { Duplicate = true };
        }

        var receipt = await DecideAsync(roomEvent, now, settings, cancellationToken);
        await store.SaveAsync(receipt, cancellationToken);
        metrics.RoomEvent(receipt.Disposition.ToString().ToLowerInvariant());
        Log.RoomEventTaken(logger, receipt.EventId, receipt.EventType, receipt.RoomId, receipt.UserId, receipt.Disposition, receipt.Sessions.Count);
        return receipt;
    }

    private async Task<RoomEventReceipt> DecideAsync(RoomEvent roomEvent, DateTimeOffset now, WebhookOptions settings, CancellationToken cancellationToken)
    {
        var receipt = new RoomEventReceipt(roomEvent.EventId, roomEvent.EventType, roomEvent.RoomId, roomEvent.UserId, roomEvent.EventTime, now,
            RoomEventDisposition.Stale, []);
        if (roomEvent.EventTime < now - settings.DedupRetention)
        {
            return receipt with
            {
                Reason = $"It happened more than the retention window of {settings.DedupRetention} ago: a repeat of it could no longer be recognised.",
            };
        }

        // Events of one room and user apply in event-time order; one older than the latest applied is outdated (equal times apply in arrival order).
        if (await store.LatestAsync(roomEvent.RoomId, roomEvent.UserId, cancellationToken) is { } latest && roomEvent.EventTime < latest.EventTime)
        {
            return receipt with
            {
                Reason = $"Event '{latest.EventId}' ({latest.EventType.ToString().ToLowerInvariant()} at {latest.EventTime.UtcDateTime:O}) " +
                    "is later and was already processed for this room and user.",
            };
        }

        var change = roomEvent.EventType == RoomEventType.Enter ? PresenceChange.Joined : PresenceChange.Left;
        var signalled = await sessions.SignalPresenceAsync(
            roomEvent.RoomId, roomEvent.UserId, new PresenceSignal(change, roomEvent.EventId, roomEvent.EventTime), cancellationToken);
        return signalled.Count > 0
            ? receipt with { Disposition = RoomEventDisposition.Routed, Sessions = signalled }
            : receipt with { Disposition = RoomEventDisposition.Held, HeldUntil = now + settings.EarlyEventWindow };
    }

    private async Task PruneIfDueAsync(DateTimeOffset now, TimeSpan retention, CancellationToken cancellationToken)
    {
        if (now < nextPrune)
        {
            return;
        }

        nextPrune = now + PruneInterval;
        var dropped = await store.PruneAsync(now - retention, cancellationToken);
        if (dropped > 0)
        {
            Log.RoomEventsPruned(logger, dropped);
        }
    }
}

using Broadcast.Sessions;
using Microsoft.Data.Sqlite;

namespace Broadcast.Host;

/// <summary>
/// The room events held because no session of their room and user was waiting or live: a session created for that room
/// and user while the latest such event is within the early-event window gets it. Only the latest event counts (an enter
/// followed by an exit leaves the anchor out of the room), and only while no later event was routed to a session.
/// </summary>
internal sealed class RoomEventBacklog(RoomEventStore store, TimeProvider time, ILogger<RoomEventBacklog> logger) : IPresenceBacklog
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<PresenceSignal>> PendingAsync(uint roomId, string userId, CancellationToken cancellationToken)
    {
        try
        {
            // The intake decides "route or hold" under the same lock: an event is either routed to this session or seen here.
            using var lease = await store.LockAsync(cancellationToken);
            var latest = await store.LatestAsync(roomId, userId, cancellationToken);
            if (latest is not { HeldUntil: { } until } || until <= time.GetUtcNow())
            {
                return [];
            }

            var change = latest.EventType == RoomEventType.Enter ? PresenceChange.Joined : PresenceChange.Left;
            return [new PresenceSignal(change, latest.EventId, latest.EventTime)];
        }
        catch (SqliteException e)
        {
            // The session exists either way; without the early event it waits for the next one.
            Log.RoomEventBacklogFailed(logger, roomId, userId, e);
            return [];
        }
    }
}

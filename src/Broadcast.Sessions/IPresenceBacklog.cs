namespace Broadcast.Sessions;

/// <summary>
/// Presence signals that arrived while no session of their room and anchor was there to take them (e.g. a room event
/// received before the session was created). <see cref="SessionService.CreateAsync"/> asks for them right after it
/// created a session and delivers them to it, so an early "the anchor entered" is not lost. A host registers one
/// when it keeps such a backlog (the embedded host's room-event intake does); without one, nothing is delivered.
/// </summary>
public interface IPresenceBacklog
{
    /// <summary>
    /// The signals still pending for <paramref name="roomId"/> and <paramref name="userId"/>, oldest first. The backlog
    /// must not answer while it is deciding whether a new signal of that room and anchor goes to running sessions or
    /// into the backlog, so that a signal is either routed or seen here.
    /// </summary>
    Task<IReadOnlyList<PresenceSignal>> PendingAsync(uint roomId, string userId, CancellationToken cancellationToken);
}

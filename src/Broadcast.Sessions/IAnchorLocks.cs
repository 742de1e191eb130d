using Broadcast.Ilvb;

namespace Broadcast.Sessions;

/// <summary>
/// The lock of an anchor's stream (room and user), held by a start of its push or recording and by every
/// check-then-stop of them, so a stop meant for an ended session cannot land just after a new session's start.
/// <see cref="AnchorStreamLocks"/> serves one process; a host with several instances registers a shared one.
/// </summary>
public interface IAnchorLocks
{
    /// <summary>Waits for the anchor's lock; disposing the answer releases it (and never throws).</summary>
    Task<IAsyncDisposable> AcquireAsync(StreamTarget anchor, CancellationToken cancellationToken);
}

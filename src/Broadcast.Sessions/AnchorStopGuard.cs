using Broadcast.Ilvb;
using Microsoft.Extensions.Logging;

namespace Broadcast.Sessions;

/// <summary>
/// A session's own stop of its anchor's push or recording, sent only while no other session of the anchor holds the
/// stream: the vendor keeps one push and one recording per anchor, so the stop would end that session's broadcast.
/// </summary>
public sealed class AnchorStopGuard(IAnchorLocks locks, AnchorHolders holders, ILogger<AnchorStopGuard> logger)
{
    /// <summary>
    /// Runs <paramref name="stop"/> under the anchor's lock unless another session holds the stream; then the answer
    /// names that session in <see cref="CallOutcome{T}.HandedTo"/> and nothing is sent.
    /// </summary>
    public async Task<CallOutcome<T>> StopUnlessHeldAsync<T>(
        string sessionId, string operation, StreamTarget anchor, Func<CancellationToken, Task<CallOutcome<T>>> stop, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stop);

        // Held from the check to the stop's answer: a start of this anchor waits, so it cannot land between them.
        await using var held = await locks.AcquireAsync(anchor, cancellationToken);
        if (await holders.FindAsync(sessionId, anchor, countStopping: false, cancellationToken) is { } holder)
        {
            Log.StopLeftToHolder(logger, sessionId, operation, holder);
            return new CallOutcome<T>(default, null) { HandedTo = holder };
        }

        return await stop(cancellationToken);
    }
}

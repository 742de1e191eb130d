using Broadcast.Durable;
using Broadcast.Ilvb;

namespace Broadcast.Sessions;

/// <summary>
/// Finds another running session of the same room and anchor that may hold the anchor's stream. The vendor keeps one
/// push and one recording per anchor, so a stop sent for one session would end that other session's broadcast too.
/// </summary>
public sealed class AnchorHolders(IOrchestrationClient client)
{
    /// <summary>
    /// The first other session of <paramref name="anchor"/> in a phase that holds the stream, as "id (phase)", or null.
    /// <paramref name="countStopping"/>: whether a session stopping its own stream counts. The sweeper counts it (that
    /// session's stop covers the stream); a session's own stop does not, or two sessions stopping at once would each
    /// leave the stream to the other.
    /// </summary>
    public async Task<string?> FindAsync(string sessionId, StreamTarget anchor, bool countStopping, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(anchor);
        foreach (var otherId in await OtherSessionsAsync(sessionId, anchor, cancellationToken))
        {
            // Read one by one, and only when another session shows up: nearly every stop finds none, and then reads
            // no session's custom status at all.
            if (await client.GetInstanceAsync(otherId, getInputsAndOutputs: true, cancellationToken) is
                { RuntimeStatus: OrchestrationRuntimeStatus.Pending or OrchestrationRuntimeStatus.Running } instance
                && LeakSweepSteps.StreamPhase(instance, countStopping) is { } phase)
            {
                return $"{otherId} ({phase})";
            }
        }

        return null;
    }

    private async Task<List<string>> OtherSessionsAsync(string sessionId, StreamTarget anchor, CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        var running = client.QueryAllAsync(new OrchestrationQuery
        {
            InstanceIdPrefix = SessionIds.ForRoomAndUser(anchor.RoomId, anchor.UserId),
            Statuses = [OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Running],
            PageSize = 100,
        }, cancellationToken);
        await foreach (var instance in running)
        {
            if (instance.InstanceId != sessionId && instance.Name == SessionOrchestrations.BroadcastSession)
            {
                ids.Add(instance.InstanceId);
            }
        }

        return ids;
    }
}

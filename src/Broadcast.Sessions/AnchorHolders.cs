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
        string? token = null;
        do
        {
            var page = await client.QueryInstancesAsync(new OrchestrationQuery
            {
                InstanceIdPrefix = SessionIds.ForRoomAndUser(anchor.RoomId, anchor.UserId),
                Statuses = [OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Running],
                PageSize = 100,
                ContinuationToken = token,
                FetchInputsAndOutputs = true, // the phase is in the custom status
            }, cancellationToken);
            foreach (var instance in page.Instances)
            {
                if (instance.InstanceId != sessionId && instance.Name == SessionOrchestrations.BroadcastSession
                    && LeakSweepSteps.StreamPhase(instance, countStopping) is { } phase)
                {
                    return $"{instance.InstanceId} ({phase})";
                }
            }

            token = page.ContinuationToken;
        }
        while (token is not null);

        return null;
    }
}

using Broadcast.Durable;
using Broadcast.Ilvb;
using Microsoft.Extensions.Logging;

namespace Broadcast.Sessions;

/// <summary>One start push call (0x6, oper 1). Vendor failures come back as data.</summary>
/// <remarks>
/// The leak ledger is written before the call (a failure to write it fails the activity before any call) and after it;
/// the anchor's lock is held throughout, so the sweeper's stop of an older session's stream cannot land after it.
/// </remarks>
public sealed class StartPushActivity(
    IIlvbClient client, LeakTracker leaks, IAnchorLocks anchors, SessionMetrics metrics, TimeProvider timeProvider,
    ILogger<StartPushActivity> logger)
    : IActivity<StartPushInput, CallOutcome<StartPushResult>>
{
    /// <inheritdoc />
    public async Task<CallOutcome<StartPushResult>> RunAsync(IActivityContext context, StartPushInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        await using var anchor = await anchors.AcquireAsync(input.Request.Target, cancellationToken);
        await leaks.BeforeStartAsync(context.InstanceId, input.Request, cancellationToken);
        var outcome = await VendorCall.RunAsync(SessionActivities.StartPush, context.InstanceId, input.Attempt,
            ct => client.StartPushAsync(input.Request, ct), metrics, logger, cancellationToken);
        await leaks.AfterStartAsync(context.InstanceId, input.Request, outcome.Error, cancellationToken);
        if (input.JoinedAt is { } joinedAt && (outcome.Succeeded || outcome.Error?.Category == IlvbErrorCategory.AlreadyDone))
        {
            metrics.RecordJoinToPush(timeProvider.GetUtcNow() - joinedAt);
        }

        return outcome;
    }
}

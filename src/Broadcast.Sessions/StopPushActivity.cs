using Broadcast.Durable;
using Broadcast.Ilvb;
using Microsoft.Extensions.Logging;

namespace Broadcast.Sessions;

/// <summary>One stop push call (0x6, oper 2). Vendor failures come back as data.</summary>
/// <remarks>
/// A confirmed stop (or "already ended") closes the push's leak ledger entry. While another session of the same anchor
/// holds the stream (starting or live), the stop is not sent: the vendor's one push per anchor is that session's now.
/// </remarks>
public sealed class StopPushActivity(
    IIlvbClient client, LeakTracker leaks, AnchorStreamLocks anchors, AnchorHolders holders, SessionMetrics metrics, ILogger<StopPushActivity> logger)
    : IActivity<StopPushInput, CallOutcome<NoPayload>>
{
    /// <inheritdoc />
    public async Task<CallOutcome<NoPayload>> RunAsync(IActivityContext context, StopPushInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);

        // Held from the check to the stop's answer: a start of this anchor waits, so it cannot land between them.
        using var anchor = await anchors.AcquireAsync(input.Request.Target, cancellationToken);
        if (await holders.FindAsync(context.InstanceId, input.Request.Target, countStopping: false, cancellationToken) is { } holder)
        {
            Log.StopLeftToHolder(logger, context.InstanceId, SessionActivities.StopPush, holder);
            return new CallOutcome<NoPayload>(NoPayload.Value, null) { HandedTo = holder };
        }

        var outcome = await VendorCall.RunAsync(SessionActivities.StopPush, context.InstanceId, input.Attempt, async ct =>
        {
            await client.StopPushAsync(input.Request, ct);
            return NoPayload.Value;
        }, metrics, logger, cancellationToken);
        await leaks.AfterStopAsync(context.InstanceId, LeakKind.Push, outcome, cancellationToken);
        return outcome;
    }
}

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
    IIlvbClient client, LeakTracker leaks, AnchorStopGuard guard, SessionMetrics metrics, ILogger<StopPushActivity> logger)
    : IActivity<StopPushInput, CallOutcome<NoPayload>>
{
    /// <inheritdoc />
    public async Task<CallOutcome<NoPayload>> RunAsync(IActivityContext context, StopPushInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);

        return await guard.StopUnlessHeldAsync(context.InstanceId, SessionActivities.StopPush, input.Request.Target, async ct =>
        {
            var outcome = await VendorCall.RunAsync(SessionActivities.StopPush, context.InstanceId, input.Attempt, async call =>
            {
                await client.StopPushAsync(input.Request, call);
                return NoPayload.Value;
            }, metrics, logger, ct);
            await leaks.AfterStopAsync(context.InstanceId, LeakKind.Push, outcome, ct);
            return outcome;
        }, cancellationToken);
    }
}

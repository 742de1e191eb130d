using Broadcast.Durable;
using Broadcast.Ilvb;
using Microsoft.Extensions.Logging;

namespace Broadcast.Sessions;

/// <summary>One stop push call (0x6, oper 2). Vendor failures come back as data.</summary>
/// <remarks>A confirmed stop (or "already ended") closes the push's leak ledger entry.</remarks>
public sealed class StopPushActivity(IIlvbClient client, LeakTracker leaks, SessionMetrics metrics, ILogger<StopPushActivity> logger)
    : IActivity<StopPushInput, CallOutcome<NoPayload>>
{
    /// <inheritdoc />
    public async Task<CallOutcome<NoPayload>> RunAsync(IActivityContext context, StopPushInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var outcome = await VendorCall.RunAsync(SessionActivities.StopPush, context.InstanceId, input.Attempt, async ct =>
        {
            await client.StopPushAsync(input.Request, ct);
            return NoPayload.Value;
        }, metrics, logger, cancellationToken);
        await leaks.AfterStopAsync(context.InstanceId, LeakKind.Push, outcome, cancellationToken);
        return outcome;
    }
}

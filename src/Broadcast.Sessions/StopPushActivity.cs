using Broadcast.Durable;
using Broadcast.Ilvb;
using Microsoft.Extensions.Logging;

namespace Broadcast.Sessions;

/// <summary>One stop push call (0x6, oper 2). Vendor failures come back as data.</summary>
public sealed class StopPushActivity(IIlvbClient client, SessionMetrics metrics, ILogger<StopPushActivity> logger)
    : IActivity<StopPushInput, CallOutcome<NoPayload>>
{
    /// <inheritdoc />
    public Task<CallOutcome<NoPayload>> RunAsync(IActivityContext context, StopPushInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        return VendorCall.RunAsync(SessionActivities.StopPush, context.InstanceId, input.Attempt, async ct =>
        {
            await client.StopPushAsync(input.Request, ct);
            return NoPayload.Value;
        }, metrics, logger, cancellationToken);
    }
}

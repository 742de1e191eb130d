using Broadcast.Durable;
using Broadcast.Ilvb;
using Microsoft.Extensions.Logging;

namespace Broadcast.Sessions;

/// <summary>One start recording call (0x5, oper 1). Vendor failures come back as data.</summary>
public sealed class StartRecordingActivity(IIlvbClient client, SessionMetrics metrics, ILogger<StartRecordingActivity> logger)
    : IActivity<StartRecordingInput, CallOutcome<NoPayload>>
{
    /// <inheritdoc />
    public Task<CallOutcome<NoPayload>> RunAsync(IActivityContext context, StartRecordingInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        return VendorCall.RunAsync(SessionActivities.StartRecording, context.InstanceId, input.Attempt, async ct =>
        {
            await client.StartRecordingAsync(input.Request, ct);
            return NoPayload.Value;
        }, metrics, logger, cancellationToken);
    }
}

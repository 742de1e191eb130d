using Broadcast.Durable;
using Broadcast.Ilvb;
using Microsoft.Extensions.Logging;

namespace Broadcast.Sessions;

/// <summary>One stop recording call (0x5, oper 2), returning the file ids. Vendor failures come back as data.</summary>
public sealed class StopRecordingActivity(IIlvbClient client, SessionMetrics metrics, ILogger<StopRecordingActivity> logger)
    : IActivity<StopRecordingInput, CallOutcome<StopRecordingResult>>
{
    /// <inheritdoc />
    public Task<CallOutcome<StopRecordingResult>> RunAsync(IActivityContext context, StopRecordingInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        return VendorCall.RunAsync(SessionActivities.StopRecording, context.InstanceId, input.Attempt,
            ct => client.StopRecordingAsync(input.Request, ct), metrics, logger, cancellationToken);
    }
}

using Broadcast.Durable;
using Broadcast.Ilvb;
using Microsoft.Extensions.Logging;

namespace Broadcast.Sessions;

/// <summary>One stop recording call (0x5, oper 2), returning the file ids. Vendor failures come back as data.</summary>
/// <remarks>A confirmed stop (or "already ended") closes the recording's leak ledger entry.</remarks>
public sealed class StopRecordingActivity(IIlvbClient client, LeakTracker leaks, SessionMetrics metrics, ILogger<StopRecordingActivity> logger)
    : IActivity<StopRecordingInput, CallOutcome<StopRecordingResult>>
{
    /// <inheritdoc />
    public async Task<CallOutcome<StopRecordingResult>> RunAsync(IActivityContext context, StopRecordingInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var outcome = await VendorCall.RunAsync(SessionActivities.StopRecording, context.InstanceId, input.Attempt,
            ct => client.StopRecordingAsync(input.Request, ct), metrics, logger, cancellationToken);
        await leaks.AfterStopAsync(context.InstanceId, LeakKind.Recording, outcome, cancellationToken);
        return outcome;
    }
}

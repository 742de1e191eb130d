using Broadcast.Durable;
using Broadcast.Ilvb;
using Microsoft.Extensions.Logging;

namespace Broadcast.Sessions;

/// <summary>One stop recording call (0x5, oper 2), returning the file ids. Vendor failures come back as data.</summary>
/// <remarks>
/// A confirmed stop (or "already ended") closes the recording's leak ledger entry. While another session of the same
/// anchor holds the stream (starting or live), the stop is not sent: the vendor's one recording per anchor may be that
/// session's now.
/// </remarks>
public sealed class StopRecordingActivity(
    IIlvbClient client, LeakTracker leaks, AnchorStopGuard guard, SessionMetrics metrics, ILogger<StopRecordingActivity> logger)
    : IActivity<StopRecordingInput, CallOutcome<StopRecordingResult>>
{
    /// <inheritdoc />
    public async Task<CallOutcome<StopRecordingResult>> RunAsync(IActivityContext context, StopRecordingInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);

        return await guard.StopUnlessHeldAsync(context.InstanceId, SessionActivities.StopRecording, input.Request.Target, async ct =>
        {
            var outcome = await VendorCall.RunAsync(SessionActivities.StopRecording, context.InstanceId, input.Attempt,
                call => client.StopRecordingAsync(input.Request, call), metrics, logger, ct);
            await leaks.AfterStopAsync(context.InstanceId, LeakKind.Recording, outcome, ct);
            return outcome;
        }, cancellationToken);
    }
}

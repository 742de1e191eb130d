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
    IIlvbClient client, LeakTracker leaks, AnchorStreamLocks anchors, AnchorHolders holders, SessionMetrics metrics,
    ILogger<StopRecordingActivity> logger)
    : IActivity<StopRecordingInput, CallOutcome<StopRecordingResult>>
{
    /// <inheritdoc />
    public async Task<CallOutcome<StopRecordingResult>> RunAsync(IActivityContext context, StopRecordingInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);

        // Held from the check to the stop's answer: a start of this anchor waits, so it cannot land between them.
        using var anchor = await anchors.AcquireAsync(input.Request.Target, cancellationToken);
        if (await holders.FindAsync(context.InstanceId, input.Request.Target, countStopping: false, cancellationToken) is { } holder)
        {
            Log.StopLeftToHolder(logger, context.InstanceId, SessionActivities.StopRecording, holder);
            return new CallOutcome<StopRecordingResult>(null, null) { HandedTo = holder };
        }

        var outcome = await VendorCall.RunAsync(SessionActivities.StopRecording, context.InstanceId, input.Attempt,
            ct => client.StopRecordingAsync(input.Request, ct), metrics, logger, cancellationToken);
        await leaks.AfterStopAsync(context.InstanceId, LeakKind.Recording, outcome, cancellationToken);
        return outcome;
    }
}

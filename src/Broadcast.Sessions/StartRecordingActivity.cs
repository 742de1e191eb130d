using Broadcast.Durable;
using Broadcast.Ilvb;
using Microsoft.Extensions.Logging;

namespace Broadcast.Sessions;

/// <summary>One start recording call (0x5, oper 1). Vendor failures come back as data.</summary>
/// <remarks>
/// The leak ledger is written before the call (a failure to write it fails the activity before any call) and after it;
/// the anchor's lock is held throughout, so the sweeper's stop of an older session's recording cannot land after it.
/// </remarks>
public sealed class StartRecordingActivity(
    IIlvbClient client, LeakTracker leaks, IAnchorLocks anchors, SessionMetrics metrics, ILogger<StartRecordingActivity> logger)
    : IActivity<StartRecordingInput, CallOutcome<NoPayload>>
{
    /// <inheritdoc />
    public async Task<CallOutcome<NoPayload>> RunAsync(IActivityContext context, StartRecordingInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        await using var anchor = await anchors.AcquireAsync(input.Request.Target, cancellationToken);
        await leaks.BeforeStartAsync(context.InstanceId, input.Request, cancellationToken);
        var outcome = await VendorCall.RunAsync(SessionActivities.StartRecording, context.InstanceId, input.Attempt, async ct =>
        {
            await client.StartRecordingAsync(input.Request, ct);
            return NoPayload.Value;
        }, metrics, logger, cancellationToken);
        await leaks.AfterStartAsync(context.InstanceId, input.Request, outcome.Error, cancellationToken);
        return outcome;
    }
}

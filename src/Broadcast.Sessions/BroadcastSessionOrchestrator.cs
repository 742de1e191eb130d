using Broadcast.Durable;

namespace Broadcast.Sessions;

/// <summary>
/// One broadcast session (DESIGN §1): optional start time, wait for the anchor, start the push (and the
/// recording), stay live until a cancel, the maximum duration or the anchor's leave without a rejoin within the
/// leave grace, stop everything that may run, and report. A cancel is honoured at every step; whatever might have started is stopped.
/// </summary>
public sealed class BroadcastSessionOrchestrator : IOrchestrator<BroadcastSessionInput, SessionResult>
{
    private readonly SessionMetrics metrics;

    /// <summary>Creates the orchestrator.</summary>
    public BroadcastSessionOrchestrator(SessionMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        this.metrics = metrics;
    }

    /// <inheritdoc />
    public async Task<SessionResult> RunAsync(IOrchestrationContext context, BroadcastSessionInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var run = new SessionRun(context, input, context.CreateReplaySafeLogger(typeof(BroadcastSessionOrchestrator).FullName!));
        SessionOutcome outcome;
        SessionEndReason? endReason;
        try
        {
            (outcome, endReason) = await RunStepsAsync(run);
            run.EnterPhase(SessionPhase.Finished, $"Finished: {outcome}.");
        }
        finally
        {
            // Also when the code fails: the status shows every note made until then.
            run.PublishStatus();
        }

        Log.SessionFinished(run.Logger, run.SessionId, outcome);
        if (!context.IsReplaying)
        {
            // The one metric of the orchestration itself: recorded once, by the execution that is not a replay.
            metrics.RecordSessionFinished(outcome);
        }

        return run.ToResult(outcome, endReason);
    }

    private static async Task<(SessionOutcome, SessionEndReason?)> RunStepsAsync(SessionRun run)
    {
        if (!await WaitPhases.WaitForStartAsync(run))
        {
            run.NoteCancel();
            return (SessionOutcome.Cancelled, null);
        }

        switch (await WaitPhases.WaitForJoinAsync(run))
        {
            case JoinResult.TimedOut:
                return (SessionOutcome.JoinTimedOut, null);
            case JoinResult.Cancelled:
                run.NoteCancel();
                return (SessionOutcome.Cancelled, null);
        }

        var push = await StartPhases.StartPushAsync(run);
        if (push != StepResult.Done)
        {
            return await CleanUpAsync(run, push == StepResult.Failed ? SessionOutcome.Failed : SessionOutcome.Cancelled, null);
        }

        if (run.Request.Recording is { Mode: RecordingMode.Separate } recording)
        {
            var started = await StartPhases.StartRecordingAsync(run);
            if (started == StepResult.Cancelled)
            {
                return await CleanUpAsync(run, SessionOutcome.Cancelled, null);
            }

            if (started == StepResult.Failed)
            {
                if (recording.Required)
                {
                    return await CleanUpAsync(run, SessionOutcome.Failed, null);
                }

                run.RecordingDegraded = true;
                run.Note(TimelineKind.Warning, "The recording could not start and is not required: broadcasting without it.",
                    SessionActivities.StartRecording, code: run.Error?.Code);
                Log.RecordingDegraded(run.Logger, run.SessionId);
            }
        }

        var endReason = await WaitPhases.LiveAsync(run);
        return await CleanUpAsync(run, endReason == SessionEndReason.AnchorLeft ? SessionOutcome.AnchorLeft : SessionOutcome.Completed, endReason);
    }

    private static async Task<(SessionOutcome, SessionEndReason?)> CleanUpAsync(
        SessionRun run, SessionOutcome outcome, SessionEndReason? endReason)
    {
        if (outcome == SessionOutcome.Cancelled)
        {
            run.NoteCancel();
        }

        var stopped = await StopPhases.StopAllAsync(run);
        return (stopped ? outcome : SessionOutcome.StopFailed, endReason);
    }
}

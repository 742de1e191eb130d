using Broadcast.Ilvb;

namespace Broadcast.Sessions;

/// <summary>Starting the push and the separate recording, with the start retry schedule (DESIGN §1 steps 3–4, §4).</summary>
internal static class StartPhases
{
    public static async Task<StepResult> StartPushAsync(SessionRun run)
    {
        var tape = run.Request.Recording?.Mode == RecordingMode.Tape;
        run.EnterPhase(SessionPhase.StartingPush, tape ? "Starting the push with tape recording." : "Starting the push.");
        var request = VendorRequests.StartPush(run.Request);
        var result = await AttemptLoop.RunAsync<StartPushResult>(
            run,
            SessionActivities.StartPush,
            run.Input.StartRetry,
            cancellable: true,
            attempt => new StartPushInput(request, attempt, run.JoinedAt),
            outcome =>
            {
                run.PushMaybeStarted |= outcome.Error?.OutcomeUnknown == true;
                return ClassifyStart(outcome, run.Input.RetryAdvisedStarts);
            },
            outcome => $"push started, channel {outcome.Payload?.ChannelId?.ToString() ?? "?"}, " +
                $"{outcome.Payload?.LiveUrls.Count ?? 0} live URL(s).");

        if (result.Verdict != AttemptVerdict.Succeeded)
        {
            return Fail(run, result.Outcome.Error, result.Cancelled, SessionActivities.StartPush);
        }

        run.PushStarted = true;
        run.LiveAt = run.Now;
        if (result.Outcome.Error is { } done)
        {
            run.Note(TimelineKind.Warning, $"StartPush answered {done.Code}: {done.Description} Counted as started; live URLs unknown.",
                SessionActivities.StartPush, code: done.Code);
            Log.CountedAsStarted(run.Logger, run.SessionId, SessionActivities.StartPush, done.Code ?? 0);
            run.Push = new StartPushResult(null, [], null);
        }
        else
        {
            run.Push = result.Outcome.Payload ?? new StartPushResult(null, [], null);
        }

        return run.CancelRequested ? StepResult.Cancelled : StepResult.Done;
    }

    public static async Task<StepResult> StartRecordingAsync(SessionRun run)
    {
        run.EnterPhase(SessionPhase.StartingRecording, "Starting the separate recording.");
        var request = VendorRequests.StartRecording(run.Request);
        var result = await AttemptLoop.RunAsync<NoPayload>(
            run,
            SessionActivities.StartRecording,
            run.Input.StartRetry,
            cancellable: true,
            attempt => new StartRecordingInput(request, attempt),
            outcome =>
            {
                run.RecordingMaybeStarted |= outcome.Error?.OutcomeUnknown == true;
                return ClassifyStart(outcome, run.Input.RetryAdvisedStarts);
            },
            _ => "recording started.");

        if (result.Verdict != AttemptVerdict.Succeeded)
        {
            return Fail(run, result.Outcome.Error, result.Cancelled, SessionActivities.StartRecording);
        }

        run.RecordingStarted = true;
        if (result.Outcome.Error is { } answer)
        {
            run.Note(TimelineKind.Warning, $"StartRecording answered {answer.Code}: {answer.Description} Treated as started.",
                SessionActivities.StartRecording, code: answer.Code);
            Log.CountedAsStarted(run.Logger, run.SessionId, SessionActivities.StartRecording, answer.Code ?? 0);
        }

        return run.CancelRequested ? StepResult.Cancelled : StepResult.Done;
    }

    /// <summary>
    /// Starts: success, "already running" and the ambiguous "started, or no initiator" count as started;
    /// transient failures are retried; "retry-advised" only when configured; the rest (and faults of our own) fail.
    /// </summary>
    private static AttemptVerdict ClassifyStart<T>(CallOutcome<T> outcome, bool retryAdvised) => outcome.Error?.Category switch
    {
        null when outcome.Error is null => AttemptVerdict.Succeeded,
        IlvbErrorCategory.AlreadyDone or IlvbErrorCategory.Ambiguous when StartAnswers.MeanStarted(outcome.Error!) => AttemptVerdict.Succeeded,
        IlvbErrorCategory.Transient => AttemptVerdict.Retry,
        IlvbErrorCategory.RetryAdvised when retryAdvised => AttemptVerdict.Retry,
        _ => AttemptVerdict.Failed,
    };

    private static StepResult Fail(SessionRun run, SessionError? error, bool cancelled, string operation)
    {
        if (cancelled)
        {
            return StepResult.Cancelled;
        }

        run.Error = error;
        if (error is not null)
        {
            Log.StartFailed(run.Logger, run.SessionId, operation, error.ToString());
        }

        return StepResult.Failed;
    }
}

using Broadcast.Ilvb;

namespace Broadcast.Sessions;

/// <summary>
/// Stopping what may run: the separate recording first (its file ids are collected), then the push
/// (DESIGN §1 step 6). Every non-fatal failure is retried on the long stop schedule; "already ended" is success.
/// </summary>
internal static class StopPhases
{
    /// <summary>Stops whatever may run; false when a stop still failed (a push or recording may be left running).</summary>
    public static async Task<bool> StopAllAsync(SessionRun run)
    {
        var stopped = true;
        if (run.RecordingMustStop)
        {
            stopped &= await StopRecordingAsync(run);
        }

        if (run.PushMustStop)
        {
            stopped &= await StopPushAsync(run);
        }

        return stopped;
    }

    private static async Task<bool> StopRecordingAsync(SessionRun run)
    {
        run.EnterPhase(SessionPhase.StoppingRecording, run.RecordingStarted
            ? "Stopping the recording."
            : "Stopping the recording: a start attempt may have reached the vendor.");
        var request = VendorRequests.StopRecording(run.Request);
        var result = await AttemptLoop.RunAsync<StopRecordingResult>(
            run,
            SessionActivities.StopRecording,
            run.Input.StopRetry,
            cancellable: false,
            attempt => new StopRecordingInput(request, attempt),
            ClassifyStop,
            outcome => $"recording stopped, {outcome.Payload?.FileIds.Count ?? 0} file id(s).");
        return Conclude(run, result, SessionActivities.StopRecording, "recording",
            () => run.FileIds = result.Outcome.Payload?.FileIds ?? []);
    }

    private static async Task<bool> StopPushAsync(SessionRun run)
    {
        run.EnterPhase(SessionPhase.StoppingPush, run.PushStarted
            ? "Stopping the push."
            : "Stopping the push: a start attempt may have reached the vendor.");
        var request = VendorRequests.StopPush(run.Request);
        var result = await AttemptLoop.RunAsync<NoPayload>(
            run,
            SessionActivities.StopPush,
            run.Input.StopRetry,
            cancellable: false,
            attempt => new StopPushInput(request, attempt),
            ClassifyStop,
            _ => "push stopped.");
        return Conclude(run, result, SessionActivities.StopPush, "push", () => { });
    }

    /// <summary>Stops: success and "already ended" count as stopped; fatal codes end the retries; everything else is retried.</summary>
    internal static AttemptVerdict ClassifyStop<T>(CallOutcome<T> outcome) => outcome.Error switch
    {
        null => AttemptVerdict.Succeeded,
        { Category: IlvbErrorCategory.AlreadyDone, Code: not ResultCodes.PushAlreadyRunning } => AttemptVerdict.Succeeded,
        { Category: IlvbErrorCategory.Fatal } => AttemptVerdict.Failed,
        _ => AttemptVerdict.Retry,
    };

    private static bool Conclude<T>(SessionRun run, AttemptResult<T> result, string operation, string what, Action onSuccess)
    {
        if (result.Verdict == AttemptVerdict.Succeeded)
        {
            if (result.Outcome.Error is { } ended)
            {
                run.Note(TimelineKind.Call, $"{operation}: the {what} had already ended ({ended.Code}); counted as stopped.",
                    operation, code: ended.Code);
            }

            onSuccess();
            return true;
        }

        var error = result.Outcome.Error!;
        run.Error = error;
        run.Note(TimelineKind.Error, $"{operation} failed: the {what} may still be running. Check it by hand: {error}", operation,
            code: error.Code);
        Log.StopFailed(run.Logger, run.SessionId, operation, error.ToString());
        return false;
    }
}

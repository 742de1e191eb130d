using Broadcast.Ilvb;

namespace Broadcast.Sessions;

/// <summary>
/// Stopping what may run: the separate recording first (its file ids are collected), then the push
/// (DESIGN §1 step 6). Every non-fatal failure is retried on the long stop schedule; "already ended" is success.
/// A recording stop that keeps failing gets a head start of a few attempts only: then the push is stopped, and the
/// recording's retries go on after it, so a push is never left running for the whole stop schedule.
/// </summary>
internal static class StopPhases
{
    /// <summary>Attempts the recording's stop makes before the push's stop goes ahead of its retries.</summary>
    public const int RecordingHeadStart = 3;

    /// <summary>Stops whatever may run; false when a stop still failed (a push or recording may be left running).</summary>
    public static async Task<bool> StopAllAsync(SessionRun run)
    {
        if (!run.RecordingMustStop)
        {
            return await StopPushIfNeededAsync(run);
        }

        var recording = new AttemptProgress { PauseAfter = run.PushMustStop ? run.Input.RecordingStopHeadStart : null };
        if (await StopRecordingAsync(run, recording) is { } recordingStopped)
        {
            return await StopPushIfNeededAsync(run) & recordingStopped;
        }

        run.Note(TimelineKind.Warning, $"{SessionActivities.StopRecording} still fails after {recording.AttemptsMade} attempts: "
            + "stopping the push first; the recording's stop goes on after it.", SessionActivities.StopRecording);
        var pushStopped = await StopPushIfNeededAsync(run);
        var pushError = run.Error;
        recording.PauseAfter = null;
        var recordingEnded = await StopRecordingAsync(run, recording) is true;
        if (!pushStopped)
        {
            // Both may have failed: the result names the push, the costlier of the two left running.
            run.Error = pushError;
        }

        return recordingEnded & pushStopped;
    }

    private static async Task<bool> StopPushIfNeededAsync(SessionRun run) => !run.PushMustStop || await StopPushAsync(run);

    /// <summary>True when stopped, false when the stop failed, null when its retries paused for the push's stop.</summary>
    private static async Task<bool?> StopRecordingAsync(SessionRun run, AttemptProgress progress)
    {
        run.EnterPhase(SessionPhase.StoppingRecording, progress.AttemptsMade > 0
            ? "Stopping the recording, after the push."
            : run.RecordingStarted
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
            outcome => outcome.HandedTo is { } holder
                ? LeftTo("recording", holder)
                : $"recording stopped, {outcome.Payload?.FileIds.Count ?? 0} file id(s).",
            progress);
        if (result.Verdict == AttemptVerdict.Retry)
        {
            return null;
        }

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
            outcome => outcome.HandedTo is { } holder ? LeftTo("push", holder) : "push stopped.");
        return Conclude(run, result, SessionActivities.StopPush, "push", () => { });
    }

    private static string LeftTo(string what, string holder) =>
        $"{what} not stopped: session {holder} of the same anchor holds it and its own stop ends it (the sweeper checks again after that).";

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

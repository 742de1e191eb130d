using System.Globalization;
using Broadcast.Durable;

namespace Broadcast.Sessions;

/// <summary>
/// Calls one activity until the error policy is satisfied: each attempt and each wait goes into the
/// timeline, and waits are durable timers, so the whole sequence survives a restart.
/// </summary>
internal static class AttemptLoop
{
    public static async Task<AttemptResult<T>> RunAsync<T>(
        SessionRun run,
        string operation,
        RetrySchedule schedule,
        bool cancellable,
        Func<int, object> input,
        Func<CallOutcome<T>, AttemptVerdict> classify,
        Func<CallOutcome<T>, string> describeSuccess,
        AttemptProgress? progress = null)
    {
        progress ??= new AttemptProgress();
        if (cancellable && progress.PauseAfter is not null)
        {
            // A pause would leave a cancel with no wait to cut short; only the stops, which a cancel never ends, pause.
            throw new ArgumentException("Only retries that a cancel does not end can pause.", nameof(progress));
        }

        var firstAt = progress.FirstAt ??= run.Now;
        for (var attempt = progress.AttemptsMade + 1; ; attempt++)
        {
            if (progress.NextAt is { } due)
            {
                // Going on after a pause: the backoff still holds, counted from the attempt before the pause. The
                // give-up limit is not checked again: the attempt was due within it, and the other call that ran
                // in the pause may have just found the vendor well again.
                progress.NextAt = null;
                if (due > run.Now)
                {
                    var rest = due - run.Now;
                    NoteRetry(run, operation, attempt, progress.LastCode, rest);
                    await run.WaitUntilAsync(due, cancellable: false);
                }
            }

            var sentAt = run.Now;
            var outcome = await CallAsync<T>(run, operation, input(attempt));
            progress.AttemptsMade = attempt;
            var verdict = classify(outcome);
            NoteCall(run, operation, attempt, sentAt, outcome, verdict, describeSuccess);
            if (verdict != AttemptVerdict.Retry)
            {
                return new AttemptResult<T>(verdict, outcome, Cancelled: false);
            }

            if (cancellable && run.CancelRequested)
            {
                return new AttemptResult<T>(AttemptVerdict.Failed, outcome, Cancelled: true);
            }

            var delay = RetryTiming.DelayBefore(schedule, run.SessionId, operation, attempt + 1);
            if (GivesUp(schedule, attempt, run.Now + delay - firstAt) is { } reason)
            {
                run.Note(TimelineKind.Error, $"{operation}: giving up after {attempt} attempt(s): {reason}.", operation, attempt,
                    outcome.Error?.Code);
                return new AttemptResult<T>(AttemptVerdict.Failed, outcome, Cancelled: false);
            }

            if (progress.PauseAfter == attempt)
            {
                // The wait is noted when the retries go on, so the timeline shows it where it is really spent.
                progress.NextAt = run.Now + delay;
                progress.LastCode = outcome.Error?.Code;
                run.Note(TimelineKind.Retry, $"{operation}: attempt {attempt + 1} paused, to go on after the other stops.",
                    operation, attempt + 1, outcome.Error?.Code);
                return new AttemptResult<T>(AttemptVerdict.Retry, outcome, Cancelled: false);
            }

            NoteRetry(run, operation, attempt + 1, outcome.Error?.Code, delay);

            if (!await run.WaitUntilAsync(run.Now + delay, cancellable))
            {
                return new AttemptResult<T>(AttemptVerdict.Failed, outcome, Cancelled: true);
            }
        }
    }

    private static void NoteRetry(SessionRun run, string operation, int attempt, long? code, TimeSpan delay)
    {
        run.Note(TimelineKind.Retry, $"{operation}: attempt {attempt} in {Format(delay)}.", operation, attempt, code, delay);
        Log.RetryScheduled(run.Logger, run.SessionId, operation, attempt, delay);
    }

    private static async Task<CallOutcome<T>> CallAsync<T>(SessionRun run, string operation, object input)
    {
        try
        {
            return await run.CallActivityAsync<CallOutcome<T>>(operation, input);
        }
        catch (TaskFailedException e)
        {
            // Activities answer vendor failures as data; an exception here is a fault of our own. The call may
            // have reached the vendor before it, so a start counts as "maybe started".
            return new CallOutcome<T>(default, new SessionError(operation, Kind: null, Code: null, Category: null,
                $"The {operation} activity failed: {e.FailureDetails.ErrorMessage}", OutcomeUnknown: true));
        }
    }

    internal static string? GivesUp(RetrySchedule schedule, int attemptsMade, TimeSpan elapsedAtNextAttempt)
    {
        if (schedule.MaxAttempts is { } max && attemptsMade >= max)
        {
            return $"the limit is {max} attempt(s)";
        }

        return schedule.GiveUpAfter is { } limit && elapsedAtNextAttempt > limit
            ? $"the next attempt would start after the limit of {Format(limit)}"
            : null;
    }

    private static void NoteCall<T>(
        SessionRun run, string operation, int attempt, DateTimeOffset sentAt, CallOutcome<T> outcome, AttemptVerdict verdict,
        Func<CallOutcome<T>, string> describeSuccess)
    {
        if (outcome.Error is { } error)
        {
            run.LastCallError = error;
            var unknown = error.OutcomeUnknown ? " The request may have reached the vendor." : "";
            run.Note(TimelineKind.Call, $"{operation} attempt {attempt}: {error}.{unknown}", operation, attempt, error.Code, at: sentAt);
        }
        else
        {
            run.LastCallError = null;
            run.Note(TimelineKind.Call, $"{operation} attempt {attempt}: {describeSuccess(outcome)}", operation, attempt, at: sentAt);
        }

        if (verdict == AttemptVerdict.Failed && outcome.Error is { } fatal)
        {
            run.Note(TimelineKind.Error, $"{operation}: not retried ({fatal.Category?.ToString() ?? "unexpected failure"}).",
                operation, attempt, fatal.Code);
        }
    }

    public static string Format(TimeSpan span) => span.ToString(span < TimeSpan.FromMinutes(1) ? @"s\.fff\s" : "c",
        CultureInfo.InvariantCulture);
}

using Microsoft.Extensions.Logging;

namespace Broadcast.Sessions;

/// <summary>
/// One stop the sweeper sent for one entry and what it makes of the entry: closed, retried later, or given up.
/// Applied to the entry as stored when written, so a start that re-opened it meanwhile is not closed by mistake.
/// </summary>
internal sealed class LeakSweepStep
{
    private readonly LeakEntry read;
    private readonly string endedAs;
    private readonly string operation;
    private readonly SessionError? error;
    private readonly DateTimeOffset sentAt;
    private readonly DateTimeOffset doneAt;
    private readonly TimeSpan? delay;
    private readonly string? giveUpReason;
    private readonly string successText;

    public LeakSweepStep(
        LeakEntry read, string endedAs, string operation, SessionError? error, AttemptVerdict verdict, string successText,
        DateTimeOffset sentAt, DateTimeOffset doneAt, RetrySchedule schedule)
    {
        this.read = read;
        this.endedAs = endedAs;
        this.operation = operation;
        this.error = error;
        this.successText = successText;
        this.sentAt = sentAt;
        this.doneAt = doneAt;
        Result = verdict switch
        {
            AttemptVerdict.Succeeded => SweepResult.Stopped,
            AttemptVerdict.Failed => SweepResult.GivenUp,
            _ => SweepResult.Retrying,
        };
        if (Result == SweepResult.Retrying)
        {
            var wait = RetryTiming.DelayBefore(schedule, read.SessionId, "Sweep" + operation, Attempt + 1);
            giveUpReason = AttemptLoop.GivesUp(schedule, Attempt, doneAt + wait - (read.FirstAttemptAt ?? sentAt));
            if (giveUpReason is null)
            {
                delay = wait;
            }
            else
            {
                Result = SweepResult.GivenUp;
            }
        }
    }

    public int Attempt => read.Attempts + 1;

    public SweepResult Result { get; }

    public string MetricResult => Result switch
    {
        SweepResult.Stopped => "stopped",
        SweepResult.Retrying => "retry",
        _ => "given_up",
    };

    private string What => LeakSweepSteps.What(read);

    /// <summary>The entry after this step; null leaves it as it is.</summary>
    public LeakEntry? Apply(LeakEntry? current)
    {
        if (current is null)
        {
            return null;
        }

        var updated = current;
        if (read.Attempts == 0)
        {
            updated = updated.WithAction(new LeakAction(sentAt, null, null, null,
                $"The session {endedAs}: its {What} may still be running ({LeakSweepSteps.Evidence(read.Evidence)}); the sweeper stops it."));
        }

        updated = updated.WithAction(new LeakAction(sentAt, operation, Attempt, error?.Code, Message(), delay)) with { UpdatedAt = doneAt };
        if (!current.IsOpen || current.LastStartAt != read.LastStartAt)
        {
            // A start wrote the entry after the stop was read: it may run again, so only the action is recorded.
            return updated;
        }

        updated = updated with { Attempts = Attempt, FirstAttemptAt = current.FirstAttemptAt ?? sentAt };
        return Result switch
        {
            SweepResult.Stopped => LeakTracker.Close(updated with { LastError = null }, LeakState.Stopped, error is null
                ? $"Stopped by the sweeper (the session {endedAs})."
                : $"The sweeper's stop was answered {error.Code} (already ended; the session {endedAs}).", doneAt),
            SweepResult.Retrying => updated with { LastError = error, NextAttemptAt = doneAt + delay },
            _ => updated with { State = LeakState.GivenUp, LastError = error, NextAttemptAt = null },
        };
    }

    public void Log(ILogger logger, LeakEntry? stored)
    {
        switch (Result)
        {
            case SweepResult.Stopped:
                Sessions.Log.SweptStopped(logger, read.SessionId, read.Kind, Attempt, endedAs);
                break;
            case SweepResult.Retrying:
                Sessions.Log.SweepRetry(logger, read.SessionId, read.Kind, Attempt, delay ?? TimeSpan.Zero, error?.ToString() ?? "");
                break;
            default:
                Sessions.Log.SweepGaveUp(logger, read.SessionId, read.Kind, Attempt, stored?.LastError?.ToString() ?? error?.ToString() ?? "");
                break;
        }
    }

    private string Message()
    {
        var prefix = $"{operation} attempt {Attempt} (sweeper): ";
        return Result switch
        {
            SweepResult.Stopped when error is null => prefix + successText,
            SweepResult.Stopped => prefix + $"the {What} had already ended ({error.Code}); counted as stopped.",
            SweepResult.Retrying => prefix + $"{error}. Attempt {Attempt + 1} in {AttemptLoop.Format(delay ?? TimeSpan.Zero)}.",
            _ when giveUpReason is not null => prefix + $"{error}. Giving up: {giveUpReason}; the {What} may still be running, check it by hand.",
            _ => prefix + $"{error}. Not retried ({error?.Category?.ToString() ?? "unexpected failure"}): the {What} may still be running, check it by hand.",
        };
    }
}

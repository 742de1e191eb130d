using Broadcast.Durable;
using Microsoft.Extensions.Logging;

namespace Broadcast.Sessions;

/// <summary>
/// What a schedule does when its timer fires: first the occurrence waiting for the previous session (if that session
/// has ended), then the occurrences due since it last looked — skipped when older than the catch-up window, otherwise
/// one run for the latest of them — under the schedule's overlap policy.
/// </summary>
internal static class ScheduleWakeUp
{
    public static async Task<RecurringScheduleInput> RunAsync(
        IOrchestrationContext context, CronSchedule schedule, RecurringScheduleInput state, DateTimeOffset now, ILogger logger)
    {
        if (state.Waiting is { } waiting)
        {
            var outcome = await CreateAsync(context, state, waiting, state.LastSessionId, cancelPrevious: false);
            if (!outcome.PreviousRunning)
            {
                state = Ran(state with { Waiting = null }, waiting, outcome, catchUp: false, logger);
            }
        }

        var due = DueOccurrences.Sort(schedule, state.HandledUntil!.Value, now, state.CatchUpWindow);
        state = state with
        {
            HandledUntil = now,
            Skips = state.Skips
                .With(ScheduleSkipReason.OutsideCatchUpWindow, due.OutsideWindow)
                .With(ScheduleSkipReason.MergedIntoCatchUp, due.Merged),
        };
        if (due.OutsideWindow.Count > 0)
        {
            Log.ScheduleOccurrencesMissed(logger, state.ScheduleId, due.OutsideWindow.Count, due.OutsideWindow.Latest.Last());
        }

        if (due.ToRun is not { } occurrence)
        {
            return state;
        }

        if (due.IsCatchUp)
        {
            Log.ScheduleCatchUp(logger, state.ScheduleId, occurrence, due.Merged.Count);
        }

        if (state.Waiting is not null)
        {
            // At most one occurrence waits; the one already waiting keeps its place.
            return Skipped(state, occurrence, logger);
        }

        var previous = state.Overlap == ScheduleOverlapPolicy.AllowAll ? null : state.LastSessionId;
        var created = await CreateAsync(context, state, occurrence, previous, state.Overlap == ScheduleOverlapPolicy.CancelPrevious);
        if (!created.PreviousRunning)
        {
            return Ran(state, occurrence, created, due.IsCatchUp, logger);
        }

        if (state.Overlap == ScheduleOverlapPolicy.Skip)
        {
            return Skipped(state, occurrence, logger);
        }

        Log.ScheduleOccurrenceWaits(logger, state.ScheduleId, occurrence, state.LastSessionId!, state.Overlap);
        return state with { Waiting = occurrence };
    }

    private static RecurringScheduleInput Skipped(RecurringScheduleInput state, DateTimeOffset occurrence, ILogger logger)
    {
        Log.ScheduleOccurrenceOverlaps(logger, state.ScheduleId, occurrence, state.LastSessionId ?? "");
        return state with { Skips = state.Skips.With(ScheduleSkipReason.Overlap, occurrence) };
    }

    private static RecurringScheduleInput Ran(
        RecurringScheduleInput state, DateTimeOffset occurrence, ScheduledSessionOutcome outcome, bool catchUp, ILogger logger)
    {
        if (outcome.Error is null)
        {
            Log.ScheduleOccurrence(logger, state.ScheduleId, occurrence, outcome.SessionId);
        }
        else
        {
            Log.ScheduleOccurrenceFailed(logger, state.ScheduleId, occurrence, outcome.Error);
        }

        return state with
        {
            LastOccurrence = occurrence,
            Occurrences = state.Occurrences + 1,
            LastSessionId = outcome.Error is null ? outcome.SessionId : state.LastSessionId,
            LastError = outcome.Error,
            CatchUps = catchUp ? state.CatchUps + 1 : state.CatchUps,
        };
    }

    private static async Task<ScheduledSessionOutcome> CreateAsync(
        IOrchestrationContext context, RecurringScheduleInput state, DateTimeOffset occurrence, string? previous, bool cancelPrevious)
    {
        try
        {
            return await context.CallActivityAsync<ScheduledSessionOutcome>(SessionActivities.CreateScheduledSession,
                new ScheduledSessionInput(state.ScheduleId, occurrence, state.Template, previous, cancelPrevious));
        }
        catch (TaskFailedException e)
        {
            // One failed occurrence must not end the schedule: it is reported and the next one is awaited.
            return new ScheduledSessionOutcome("", false, e.FailureDetails.ErrorMessage);
        }
    }
}

using Broadcast.Durable;

namespace Broadcast.Sessions;

/// <summary>
/// An eternal recurring schedule: a durable timer until the next occurrence of the cron expression in its
/// time zone, one session created for it, then continue-as-new with a fresh history. Missed occurrences
/// (the host was down) are skipped, not made up.
/// </summary>
public sealed class RecurringScheduleOrchestrator : IOrchestrator<RecurringScheduleInput, ScheduleProgress>
{
    /// <inheritdoc />
    public async Task<ScheduleProgress> RunAsync(IOrchestrationContext context, RecurringScheduleInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var logger = context.CreateReplaySafeLogger(typeof(RecurringScheduleOrchestrator).FullName!);
        var schedule = CronSchedule.Parse(input.Cron, input.TimeZone);
        var now = new DateTimeOffset(DateTime.SpecifyKind(context.CurrentUtcDateTime, DateTimeKind.Utc));
        var from = input.LastOccurrence is { } last && last > now ? last : now;
        var next = schedule.NextAfter(from);
        var progress = new ScheduleProgress(next, input.LastOccurrence, input.LastSessionId, input.Occurrences, input.LastError);
        context.SetCustomStatus(progress);
        if (next is not { } occurrence)
        {
            Log.ScheduleEnded(logger, input.ScheduleId);
            return progress;
        }

        await context.CreateTimer(occurrence.UtcDateTime, CancellationToken.None);
        var created = await CreateSessionAsync(context, input, occurrence);
        if (created.Error is null)
        {
            Log.ScheduleOccurrence(logger, input.ScheduleId, occurrence, created.SessionId);
        }
        else
        {
            Log.ScheduleOccurrenceFailed(logger, input.ScheduleId, occurrence, created.Error);
        }

        var following = input with
        {
            LastOccurrence = occurrence,
            Occurrences = input.Occurrences + 1,
            LastSessionId = created.Error is null ? created.SessionId : input.LastSessionId,
            LastError = created.Error,
        };
        context.ContinueAsNew(following, preserveUnprocessedEvents: false);
        return new ScheduleProgress(null, occurrence, following.LastSessionId, following.Occurrences, following.LastError);
    }

    private static async Task<ScheduledSessionOutcome> CreateSessionAsync(
        IOrchestrationContext context, RecurringScheduleInput input, DateTimeOffset occurrence)
    {
        try
        {
            return await context.CallActivityAsync<ScheduledSessionOutcome>(
                SessionActivities.CreateScheduledSession, new ScheduledSessionInput(input.ScheduleId, occurrence, input.Template));
        }
        catch (TaskFailedException e)
        {
            // One failed occurrence must not end the schedule: it is reported and the next one is awaited.
            return new ScheduledSessionOutcome("", false, e.FailureDetails.ErrorMessage);
        }
    }
}

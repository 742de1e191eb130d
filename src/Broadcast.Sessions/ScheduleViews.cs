using Broadcast.Durable;

namespace Broadcast.Sessions;

/// <summary>Builds a <see cref="ScheduleView"/> from a schedule instance's input and custom status.</summary>
internal static class ScheduleViews
{
    /// <summary>The view with <paramref name="preview"/> upcoming occurrences, or null when the instance's input cannot be read.</summary>
    public static ScheduleView? From(OrchestrationMetadata metadata, DateTimeOffset now, int preview = 0)
    {
        RecurringScheduleInput? input;
        ScheduleProgress? progress;
        try
        {
            input = metadata.ReadInputAs<RecurringScheduleInput>();
            progress = metadata.ReadCustomStatusAs<ScheduleProgress>();
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }

        if (input is null)
        {
            return null;
        }

        // The input is the state a generation started with; the custom status is newer once that generation ran.
        var pausedAt = progress is null ? input.PausedAt : progress.PausedAt;
        var status = metadata.RuntimeStatus switch
        {
            OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Terminated => ScheduleStatus.Ended,
            OrchestrationRuntimeStatus.Failed => ScheduleStatus.Failed,
            _ when pausedAt is not null => ScheduleStatus.Paused,
            _ => ScheduleStatus.Active,
        };
        var schedule = TryParse(input);
        return new ScheduleView
        {
            Id = input.ScheduleId,
            Cron = input.Cron,
            TimeZone = input.TimeZone,
            Template = input.Template,
            Status = status,
            Overlap = input.Overlap,
            CatchUpWindow = input.CatchUpWindow,
            CreatedAt = input.CreatedAt,
            NextOccurrence = status != ScheduleStatus.Active ? null : progress?.NextOccurrence ?? schedule?.NextAfter(now),
            LastOccurrence = progress?.LastOccurrence ?? input.LastOccurrence,
            LastSessionId = progress?.LastSessionId ?? input.LastSessionId,
            Occurrences = Math.Max(progress?.Occurrences ?? 0, input.Occurrences),
            LastError = progress?.LastError ?? input.LastError,
            PausedAt = status == ScheduleStatus.Paused ? pausedAt : null,
            Waiting = status == ScheduleStatus.Active ? (progress is null ? input.Waiting : progress.Waiting) : null,
            WakeAt = status == ScheduleStatus.Active ? progress?.WakeAt : null,
            CatchUps = Math.Max(progress?.CatchUps ?? 0, input.CatchUps),
            Skips = progress?.Skips is { } skips && skips.Total >= input.Skips.Total ? skips : input.Skips,
            Preview = status is ScheduleStatus.Active or ScheduleStatus.Paused && schedule is not null && preview > 0
                ? schedule.Preview(now, preview)
                : [],
        };
    }

    private static CronSchedule? TryParse(RecurringScheduleInput input)
    {
        try
        {
            return CronSchedule.Parse(input.Cron, input.TimeZone);
        }
        catch (SessionValidationException)
        {
            return null;
        }
    }
}

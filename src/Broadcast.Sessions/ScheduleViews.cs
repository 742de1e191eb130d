using Broadcast.Durable;

namespace Broadcast.Sessions;

/// <summary>Builds a <see cref="ScheduleView"/> from a schedule instance's input and custom status.</summary>
internal static class ScheduleViews
{
    /// <summary>The view, or null when the instance's input cannot be read.</summary>
    public static ScheduleView? From(OrchestrationMetadata metadata, DateTimeOffset now)
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

        var status = metadata.RuntimeStatus switch
        {
            OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Terminated => ScheduleStatus.Ended,
            OrchestrationRuntimeStatus.Failed => ScheduleStatus.Failed,
            _ => ScheduleStatus.Active,
        };
        return new ScheduleView
        {
            Id = input.ScheduleId,
            Cron = input.Cron,
            TimeZone = input.TimeZone,
            Template = input.Template,
            Status = status,
            CreatedAt = input.CreatedAt,
            NextOccurrence = status != ScheduleStatus.Active ? null : progress?.NextOccurrence ?? NextOf(input, now),
            LastOccurrence = progress?.LastOccurrence ?? input.LastOccurrence,
            LastSessionId = progress?.LastSessionId ?? input.LastSessionId,
            Occurrences = Math.Max(progress?.Occurrences ?? 0, input.Occurrences),
            LastError = progress?.LastError ?? input.LastError,
        };
    }

    private static DateTimeOffset? NextOf(RecurringScheduleInput input, DateTimeOffset now)
    {
        try
        {
            return CronSchedule.Parse(input.Cron, input.TimeZone).NextAfter(now);
        }
        catch (SessionValidationException)
        {
            return null;
        }
    }
}

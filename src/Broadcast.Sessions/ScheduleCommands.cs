using Microsoft.Extensions.Logging;

namespace Broadcast.Sessions;

/// <summary>Applies a pause or resume event to a schedule's state.</summary>
internal static class ScheduleCommands
{
    /// <summary>
    /// The state after the event <paramref name="received"/> (completed). A repeated pause or resume changes nothing;
    /// an unreadable event is logged and ignored, so a stray event cannot fail the schedule.
    /// </summary>
    public static RecurringScheduleInput Apply(
        RecurringScheduleInput state, Task<ScheduleControl> received, DateTimeOffset now, CronSchedule schedule, ILogger logger)
    {
        if (!received.IsCompletedSuccessfully || received.Result is not { } command || !Enum.IsDefined(command.Action))
        {
            Log.ScheduleControlIgnored(logger, state.ScheduleId, received.Exception?.GetBaseException().Message ?? "no action");
            return state;
        }

        switch (command.Action)
        {
            case ScheduleAction.Pause when state.PausedAt is null:
                Log.SchedulePaused(logger, state.ScheduleId, state.Waiting);
                return state with
                {
                    PausedAt = now,
                    Waiting = null,
                    Skips = state.Waiting is { } waiting ? state.Skips.With(ScheduleSkipReason.Paused, waiting) : state.Skips,
                };
            case ScheduleAction.Resume when state.PausedAt is not null:
                var from = state.HandledUntil ?? state.PausedAt.Value;
                var missed = OccurrenceTally.Of(schedule.Between(from, now));
                Log.ScheduleResumed(logger, state.ScheduleId, missed.Count);
                return state with
                {
                    PausedAt = null,
                    HandledUntil = now > from ? now : from,
                    Skips = state.Skips.With(ScheduleSkipReason.Paused, missed),
                };
            default:
                return state;
        }
    }
}

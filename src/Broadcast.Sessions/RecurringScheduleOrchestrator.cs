using Broadcast.Durable;

namespace Broadcast.Sessions;

/// <summary>
/// An eternal recurring schedule. Each generation waits for one thing — its timer (the next occurrence, or the next
/// check of an occurrence waiting for the previous session) or a pause/resume event — handles it, and continues as
/// new with its state in the input, so its history stays a few events long. All time comes from the context.
/// </summary>
/// <remarks>
/// The one event wait of a generation is never cancelled: an event it took while the generation was busy with an
/// occurrence is applied to the state before continuing, and events not yet taken are carried over
/// (<c>preserveUnprocessedEvents</c>), so no pause or resume is lost at the seam between generations.
/// </remarks>
public sealed class RecurringScheduleOrchestrator : IOrchestrator<RecurringScheduleInput, ScheduleProgress>
{
    /// <inheritdoc />
    public async Task<ScheduleProgress> RunAsync(IOrchestrationContext context, RecurringScheduleInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var logger = context.CreateReplaySafeLogger(typeof(RecurringScheduleOrchestrator).FullName!);
        var schedule = CronSchedule.Parse(input.Cron, input.TimeZone);

        // Schedules started before HandledUntil existed go on from their last occurrence.
        var state = input.HandledUntil is null ? input with { HandledUntil = input.LastOccurrence ?? input.CreatedAt } : input;
        var control = context.WaitForExternalEvent<ScheduleControl>(ScheduleEvents.Control);
        if (state.PausedAt is not null)
        {
            context.SetCustomStatus(ScheduleProgress.Of(state, null, null));
            await Task.WhenAny(control);
            return Continue(context, ScheduleCommands.Apply(state, control, Now(context), schedule, logger));
        }

        var next = schedule.NextAfter(state.HandledUntil!.Value);
        if (next is null && state.Waiting is null)
        {
            Log.ScheduleEnded(logger, state.ScheduleId);
            var ended = ScheduleProgress.Of(state, null, null);
            context.SetCustomStatus(ended);
            return ended;
        }

        var wakeAt = WakeAt(state, next, Now(context));
        context.SetCustomStatus(ScheduleProgress.Of(state, next, wakeAt));
        using var timerCancel = new CancellationTokenSource();
        var timer = context.CreateTimer(wakeAt.UtcDateTime, timerCancel.Token);
        if (await Task.WhenAny(timer, control) == control)
        {
            timerCancel.Cancel();
            return Continue(context, ScheduleCommands.Apply(state, control, Now(context), schedule, logger));
        }

        state = await ScheduleWakeUp.RunAsync(context, schedule, state, Now(context), logger);
        if (control.IsCompleted)
        {
            // The event came while an occurrence was being handled; the occurrence already due has run.
            state = ScheduleCommands.Apply(state, control, Now(context), schedule, logger);
        }

        return Continue(context, state);
    }

    /// <summary>The replay-safe current time.</summary>
    internal static DateTimeOffset Now(IOrchestrationContext context) =>
        new(DateTime.SpecifyKind(context.CurrentUtcDateTime, DateTimeKind.Utc));

    private static DateTimeOffset WakeAt(RecurringScheduleInput state, DateTimeOffset? next, DateTimeOffset now)
    {
        if (state.Waiting is null)
        {
            return next!.Value;
        }

        var check = now + state.OverlapCheckInterval;
        return next is { } occurrence && occurrence < check ? occurrence : check;
    }

    private static ScheduleProgress Continue(IOrchestrationContext context, RecurringScheduleInput state)
    {
        var progress = ScheduleProgress.Of(state, null, null);
        context.SetCustomStatus(progress);
        context.ContinueAsNew(state, preserveUnprocessedEvents: true);
        return progress;
    }
}

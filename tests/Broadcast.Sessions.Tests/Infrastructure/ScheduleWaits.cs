namespace Broadcast.Sessions.Tests;

/// <summary>Reading a recurring schedule's progress (its custom status) until it reaches a state.</summary>
public static class ScheduleWaits
{
    public static async Task<ScheduleProgress> WaitForScheduleAsync(
        this SessionTestHost host, string scheduleId, Func<ScheduleProgress, bool> condition, string what) =>
        (await Poll.UntilAsync(
            async () => (await host.Client.GetInstanceAsync(SessionIds.ForSchedule(scheduleId), getInputsAndOutputs: true))?.ReadCustomStatusAs<ScheduleProgress>(),
            p => p is not null && condition(p),
            $"schedule {scheduleId}: {what}"))!;

    /// <summary>
    /// Waits until the schedule published <paramref name="wakeAt"/>: the generation that did has committed its timer
    /// with it, so the fake clock may be moved past it.
    /// </summary>
    public static Task<ScheduleProgress> WaitForWakeAtAsync(this SessionTestHost host, string scheduleId, DateTimeOffset wakeAt) =>
        host.WaitForScheduleAsync(scheduleId, p => p.WakeAt == wakeAt, $"its timer for {wakeAt:O}");

    /// <summary>The session an occurrence of the schedule creates for the anchor of <paramref name="room"/>.</summary>
    public static string OccurrenceSession(uint room, string scheduleId, DateTimeOffset occurrence) =>
        SessionIds.ForSession(room, "anchor-1", SessionIds.ForOccurrence(scheduleId, occurrence));

    /// <summary>Deletes the schedule, cancels the sessions it left running, and checks nothing is left at the vendor.</summary>
    public static async Task EndScheduleAsync(this SessionTestHost host, string scheduleId, params string[] sessionIds)
    {
        Assert.True(await host.Sessions.DeleteScheduleAsync(scheduleId, CancellationToken.None));
        foreach (var sessionId in sessionIds)
        {
            if (await host.Sessions.CancelAsync(sessionId, "test over", CancellationToken.None) == SignalResult.Delivered)
            {
                await host.WaitForEndAsync(sessionId);
            }
        }

        host.AssertNothingLeftRunning();
    }
}

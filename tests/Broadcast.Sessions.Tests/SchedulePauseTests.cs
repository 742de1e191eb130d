using Microsoft.Extensions.Time.Testing;

namespace Broadcast.Sessions.Tests;

/// <summary>Pausing and resuming a recurring schedule through its control event.</summary>
public sealed class SchedulePauseTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 7, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Paused_RunsNoOccurrence_AndResumeGoesOnFromNowRecordingTheMissedOnes()
    {
        var clock = new FakeTimeProvider(Start);
        await using var host = await SessionTestHost.StartAsync(clock);
        var room = TestRequests.NewRoom();
        await CreateHourlyAsync(host, room, "pause");

        Assert.Equal(SignalResult.Delivered, await host.Sessions.PauseScheduleAsync("pause", CancellationToken.None));
        await host.WaitForScheduleAsync("pause", p => p.PausedAt == Start && p.WakeAt is null, "paused");
        var paused = (await host.Sessions.GetScheduleAsync("pause", CancellationToken.None))!;
        Assert.Equal(ScheduleStatus.Paused, paused.Status);
        Assert.Equal(Start, paused.PausedAt);
        Assert.Null(paused.NextOccurrence);
        Assert.Equal(Start.AddHours(1), paused.Preview[0]);

        // 08:00 and 09:00 pass while paused.
        clock.Advance(TimeSpan.FromHours(2.5));
        Assert.Equal(SignalResult.Delivered, await host.Sessions.ResumeScheduleAsync("pause", CancellationToken.None));
        var resumed = await host.WaitForWakeAtAsync("pause", Start.AddHours(3));

        Assert.Null(resumed.PausedAt);
        Assert.Equal(0, resumed.Occurrences);
        Assert.Equal(2, resumed.Skips.Paused);
        Assert.Equal(
            [new SkippedOccurrence(Start.AddHours(1), ScheduleSkipReason.Paused), new SkippedOccurrence(Start.AddHours(2), ScheduleSkipReason.Paused)],
            resumed.Skips.Recent);
        Assert.Null(await host.Sessions.GetAsync(ScheduleWaits.OccurrenceSession(room, "pause", Start.AddHours(1)), CancellationToken.None));

        clock.Advance(TimeSpan.FromMinutes(30));
        var ran = await host.WaitForScheduleAsync("pause", p => p.Occurrences == 1, "the ten o'clock session");
        var ten = ScheduleWaits.OccurrenceSession(room, "pause", Start.AddHours(3));
        Assert.Equal(ten, ran.LastSessionId);
        Assert.Equal(ScheduleStatus.Active, (await host.Sessions.GetScheduleAsync("pause", CancellationToken.None))!.Status);
        await host.EndScheduleAsync("pause", ten);
    }

    [Fact]
    public async Task PauseResumePause_SentBackToBack_AreAppliedInOrderAcrossGenerations()
    {
        var clock = new FakeTimeProvider(Start);
        await using var host = await SessionTestHost.StartAsync(clock);
        await CreateHourlyAsync(host, TestRequests.NewRoom(), "order");

        Assert.Equal(SignalResult.Delivered, await host.Sessions.PauseScheduleAsync("order", CancellationToken.None));
        Assert.Equal(SignalResult.Delivered, await host.Sessions.ResumeScheduleAsync("order", CancellationToken.None));
        Assert.Equal(SignalResult.Delivered, await host.Sessions.PauseScheduleAsync("order", CancellationToken.None));
        await Poll.UntilAsync(() => Task.FromResult(host.Logs.GetSnapshot()), logs => logs.Count(l => l.Id.Id == 3310) == 2,
            "two pauses applied");

        Assert.Single(host.Logs.GetSnapshot(), l => l.Id.Id == 3311);
        Assert.NotNull((await host.WaitForScheduleAsync("order", p => p.PausedAt is not null, "paused")).PausedAt);

        // A second resume while active, then pause again: the repeated resume changes nothing.
        Assert.Equal(SignalResult.Delivered, await host.Sessions.ResumeScheduleAsync("order", CancellationToken.None));
        Assert.Equal(SignalResult.Delivered, await host.Sessions.ResumeScheduleAsync("order", CancellationToken.None));
        var active = await host.WaitForWakeAtAsync("order", Start.AddHours(1));
        Assert.Equal(0, active.Skips.Total);
        Assert.Equal(2, host.Logs.GetSnapshot().Count(l => l.Id.Id == 3311));
        await host.EndScheduleAsync("order");
    }

    [Fact]
    public async Task PauseAndResume_UnknownOrDeletedSchedule_AreNotFound()
    {
        await using var host = await SessionTestHost.StartAsync(new FakeTimeProvider(Start));
        await CreateHourlyAsync(host, TestRequests.NewRoom(), "gone");
        await host.EndScheduleAsync("gone");

        Assert.Equal(SignalResult.NotFound, await host.Sessions.PauseScheduleAsync("gone", CancellationToken.None));
        Assert.Equal(SignalResult.NotFound, await host.Sessions.ResumeScheduleAsync("nothing", CancellationToken.None));
        Assert.Equal(SignalResult.NotFound, await host.Sessions.PauseScheduleAsync("not an id!", CancellationToken.None));
        host.AssertNothingLeftRunning();
    }

    private static async Task CreateHourlyAsync(SessionTestHost host, uint room, string id)
    {
        await host.Sessions.CreateScheduleAsync(
            new ScheduleRequest { Id = id, Cron = "0 * * * *", TimeZone = "UTC", Template = TestRequests.Session(room) }, CancellationToken.None);
        await host.WaitForWakeAtAsync(id, Start.AddHours(1));
    }
}

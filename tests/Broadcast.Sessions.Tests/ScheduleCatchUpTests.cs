using Microsoft.Extensions.Time.Testing;

namespace Broadcast.Sessions.Tests;

/// <summary>
/// Occurrences missed while the host was down: a schedule every ten minutes, the engine stopped at 07:00 and started
/// again on the same SQLite file after the clock passed several occurrences.
/// </summary>
public sealed class ScheduleCatchUpTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 7, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task HostDownAcrossOccurrences_InsideTheWindow_RunsOnceForTheLatest_AndSkipsTheOlderOnes()
    {
        var clock = new FakeTimeProvider(Start);
        await using var before = await SessionTestHost.StartAsync(clock);
        var room = TestRequests.NewRoom();
        await CreateAsync(before, room, "catchup", TimeSpan.FromMinutes(30));

        // Down from 07:00 to 07:55: 07:10 … 07:50 pass; the window reaches back to 07:25.
        await using var host = await before.RestartAsync(() => clock.Advance(TimeSpan.FromMinutes(55)));
        var progress = await host.WaitForWakeAtAsync("catchup", At(8, 0));

        var caughtUp = ScheduleWaits.OccurrenceSession(room, "catchup", At(7, 50));
        Assert.Equal(1, progress.Occurrences);
        Assert.Equal(1, progress.CatchUps);
        Assert.Equal(caughtUp, progress.LastSessionId);
        Assert.Equal(2, progress.Skips.OutsideCatchUpWindow);
        Assert.Equal(2, progress.Skips.MergedIntoCatchUp);
        Assert.Equal(
            [
                new SkippedOccurrence(At(7, 10), ScheduleSkipReason.OutsideCatchUpWindow),
                new SkippedOccurrence(At(7, 20), ScheduleSkipReason.OutsideCatchUpWindow),
                new SkippedOccurrence(At(7, 30), ScheduleSkipReason.MergedIntoCatchUp),
                new SkippedOccurrence(At(7, 40), ScheduleSkipReason.MergedIntoCatchUp),
            ],
            progress.Skips.Recent);
        Assert.Equal(SessionStatus.WaitingForJoin, (await host.WaitForPhaseAsync(caughtUp, "WaitingForJoin")).Status);
        foreach (var minute in new[] { 10, 20, 30, 40 })
        {
            Assert.Null(await host.Sessions.GetAsync(ScheduleWaits.OccurrenceSession(room, "catchup", At(7, minute)), CancellationToken.None));
        }

        var view = (await host.Sessions.GetScheduleAsync("catchup", CancellationToken.None))!;
        Assert.Equal(4, view.Skips.Total);
        Assert.Equal(At(8, 0), view.NextOccurrence);
        await host.EndScheduleAsync("catchup", caughtUp);
    }

    [Fact]
    public async Task HostDownAcrossOccurrences_WithoutAWindow_SkipsTheMissedOnes_AndRunsTheOnTimeOne()
    {
        var clock = new FakeTimeProvider(Start);
        await using var before = await SessionTestHost.StartAsync(clock);
        var room = TestRequests.NewRoom();
        await CreateAsync(before, room, "nocatchup", TimeSpan.Zero);

        // Back at 07:50:30: 07:10 … 07:40 were missed; 07:50 is half a minute late, which is still on time.
        await using var host = await before.RestartAsync(() => clock.Advance(TimeSpan.FromMinutes(50.5)));
        var progress = await host.WaitForWakeAtAsync("nocatchup", At(8, 0));

        var onTime = ScheduleWaits.OccurrenceSession(room, "nocatchup", At(7, 50));
        Assert.Equal(1, progress.Occurrences);
        Assert.Equal(0, progress.CatchUps);
        Assert.Equal(onTime, progress.LastSessionId);
        Assert.Equal(4, progress.Skips.OutsideCatchUpWindow);
        Assert.Equal(4, progress.Skips.Total);
        Assert.Equal([At(7, 10), At(7, 20), At(7, 30), At(7, 40)], progress.Skips.Recent.Select(s => s.Occurrence));
        await host.EndScheduleAsync("nocatchup", onTime);
    }

    [Fact]
    public async Task HostDownLongerThanTheWindow_SkipsEveryMissedOccurrence_AndKeepsOnlyTheLatestTimes()
    {
        var clock = new FakeTimeProvider(Start);
        await using var before = await SessionTestHost.StartAsync(clock);
        var room = TestRequests.NewRoom();
        await CreateAsync(before, room, "longdown", TimeSpan.FromMinutes(30));

        // Down for a day and five minutes: 144 occurrences; 06:40, 06:50 and 07:00 are inside the window, 07:00 runs.
        await using var host = await before.RestartAsync(() => clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromMinutes(5)));
        var progress = await host.WaitForWakeAtAsync("longdown", Start.AddDays(1).AddMinutes(10));

        var caughtUp = ScheduleWaits.OccurrenceSession(room, "longdown", Start.AddDays(1));
        Assert.Equal(caughtUp, progress.LastSessionId);
        Assert.Equal(1, progress.CatchUps);
        Assert.Equal(141, progress.Skips.OutsideCatchUpWindow);
        Assert.Equal(2, progress.Skips.MergedIntoCatchUp);
        Assert.Equal(ScheduleSkips.MaxRecent, progress.Skips.Recent.Count);
        Assert.Equal(Start.AddDays(1).AddMinutes(-10), progress.Skips.Recent[^1].Occurrence);
        await host.EndScheduleAsync("longdown", caughtUp);
    }

    private static async Task CreateAsync(SessionTestHost host, uint room, string id, TimeSpan catchUpWindow)
    {
        var created = await host.Sessions.CreateScheduleAsync(new ScheduleRequest
        {
            Id = id,
            Cron = "*/10 * * * *",
            TimeZone = "UTC",
            CatchUpWindow = catchUpWindow,
            Template = TestRequests.Session(room) with { JoinTimeout = TimeSpan.FromHours(2) },
        }, CancellationToken.None);
        Assert.Equal(catchUpWindow, created.CatchUpWindow);
        await host.WaitForWakeAtAsync(id, At(7, 10));
    }

    private static DateTimeOffset At(int hour, int minute) => new(2026, 3, 2, hour, minute, 0, TimeSpan.Zero);
}

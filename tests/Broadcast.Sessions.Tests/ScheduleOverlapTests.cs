using Microsoft.Extensions.Time.Testing;

namespace Broadcast.Sessions.Tests;

/// <summary>The overlap policies of recurring schedules: an hourly schedule whose first session is still live at the next hour.</summary>
public sealed class ScheduleOverlapTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 7, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Eight = Start.AddHours(1);
    private static readonly DateTimeOffset Nine = Start.AddHours(2);
    private static readonly DateTimeOffset Ten = Start.AddHours(3);

    [Fact]
    public async Task Skip_PreviousSessionLive_SkipsTheOccurrenceAndRunsTheNextOnceItEnded()
    {
        var clock = new FakeTimeProvider(Start);
        await using var host = await SessionTestHost.StartAsync(clock);
        var room = TestRequests.NewRoom();
        var first = await StartWithLiveFirstSessionAsync(host, clock, room, "skip", ScheduleOverlapPolicy.Skip);

        clock.Advance(TimeSpan.FromHours(1));
        var skipped = await host.WaitForWakeAtAsync("skip", Ten);

        Assert.Equal(1, skipped.Skips.Overlap);
        Assert.Equal(new SkippedOccurrence(Nine, ScheduleSkipReason.Overlap), Assert.Single(skipped.Skips.Recent));
        Assert.Equal(1, skipped.Occurrences);
        Assert.Null(await host.Sessions.GetAsync(ScheduleWaits.OccurrenceSession(room, "skip", Nine), CancellationToken.None));

        await host.CancelAndWaitAsync(first);
        clock.Advance(TimeSpan.FromHours(1));
        var ran = await host.WaitForScheduleAsync("skip", p => p.Occurrences == 2, "the ten o'clock session");

        var ten = ScheduleWaits.OccurrenceSession(room, "skip", Ten);
        Assert.Equal(ten, ran.LastSessionId);
        Assert.Equal(SessionStatus.WaitingForJoin, (await host.Sessions.GetAsync(ten, CancellationToken.None))!.Status);
        await host.EndScheduleAsync("skip", ten);
    }

    [Fact]
    public async Task BufferOne_PreviousSessionLive_StartsTheOccurrenceWhenItEnds_AndSkipsAnyFurtherOne()
    {
        var clock = new FakeTimeProvider(Start);
        await using var host = await SessionTestHost.StartAsync(clock);
        var room = TestRequests.NewRoom();
        var first = await StartWithLiveFirstSessionAsync(host, clock, room, "buffer", ScheduleOverlapPolicy.BufferOne);

        clock.Advance(TimeSpan.FromHours(1));
        var waiting = await host.WaitForWakeAtAsync("buffer", Nine.AddSeconds(30));
        Assert.Equal(Nine, waiting.Waiting);
        Assert.Equal(Nine, (await host.Sessions.GetScheduleAsync("buffer", CancellationToken.None))!.Waiting);

        // The next hour comes while nine o'clock still waits: at most one waits, so ten o'clock is skipped.
        clock.Advance(TimeSpan.FromHours(1));
        var full = await host.WaitForWakeAtAsync("buffer", Ten.AddSeconds(30));
        Assert.Equal(Nine, full.Waiting);
        Assert.Equal(new SkippedOccurrence(Ten, ScheduleSkipReason.Overlap), Assert.Single(full.Skips.Recent));
        Assert.Equal(1, full.Occurrences);

        await host.CancelAndWaitAsync(first);
        clock.Advance(TimeSpan.FromSeconds(30));
        var ran = await host.WaitForScheduleAsync("buffer", p => p.Occurrences == 2, "the buffered session");

        var nine = ScheduleWaits.OccurrenceSession(room, "buffer", Nine);
        Assert.Null(ran.Waiting);
        Assert.Equal(nine, ran.LastSessionId);
        Assert.Equal(Nine, ran.LastOccurrence);
        Assert.NotNull(await host.Sessions.GetAsync(nine, CancellationToken.None));
        Assert.Null(await host.Sessions.GetAsync(ScheduleWaits.OccurrenceSession(room, "buffer", Ten), CancellationToken.None));
        await host.EndScheduleAsync("buffer", nine);
    }

    [Fact]
    public async Task BufferOne_PausedWhileAnOccurrenceWaits_DropsIt()
    {
        var clock = new FakeTimeProvider(Start);
        await using var host = await SessionTestHost.StartAsync(clock);
        var room = TestRequests.NewRoom();
        var first = await StartWithLiveFirstSessionAsync(host, clock, room, "drop", ScheduleOverlapPolicy.BufferOne);
        clock.Advance(TimeSpan.FromHours(1));
        await host.WaitForWakeAtAsync("drop", Nine.AddSeconds(30));

        Assert.Equal(SignalResult.Delivered, await host.Sessions.PauseScheduleAsync("drop", CancellationToken.None));
        var paused = await host.WaitForScheduleAsync("drop", p => p.PausedAt is not null, "paused");
        await host.CancelAndWaitAsync(first);
        clock.Advance(TimeSpan.FromMinutes(1));

        Assert.Null(paused.Waiting);
        Assert.Equal(new SkippedOccurrence(Nine, ScheduleSkipReason.Paused), Assert.Single(paused.Skips.Recent));
        Assert.Equal(ScheduleStatus.Paused, (await host.Sessions.GetScheduleAsync("drop", CancellationToken.None))!.Status);
        Assert.Null(await host.Sessions.GetAsync(ScheduleWaits.OccurrenceSession(room, "drop", Nine), CancellationToken.None));
        await host.EndScheduleAsync("drop");
    }

    [Fact]
    public async Task CancelPrevious_PreviousSessionLive_StopsItThenStartsTheOccurrence()
    {
        var clock = new FakeTimeProvider(Start);
        await using var host = await SessionTestHost.StartAsync(clock);
        var room = TestRequests.NewRoom();
        var first = await StartWithLiveFirstSessionAsync(host, clock, room, "replace", ScheduleOverlapPolicy.CancelPrevious);

        clock.Advance(TimeSpan.FromHours(1));
        var cancelled = await host.WaitForEndAsync(first);
        await host.WaitForWakeAtAsync("replace", Nine.AddSeconds(30));
        Assert.Empty(host.Simulator.State.ActivePushes);
        clock.Advance(TimeSpan.FromSeconds(30));
        var ran = await host.WaitForScheduleAsync("replace", p => p.Occurrences == 2, "the replacing session");

        Assert.Equal(SessionEndReason.Cancelled, cancelled.Result!.EndReason);
        Assert.Contains(cancelled.Result.Timeline, e => e.Message.Contains("Replaced by", StringComparison.Ordinal));
        var nine = ScheduleWaits.OccurrenceSession(room, "replace", Nine);
        Assert.Equal(nine, ran.LastSessionId);
        Assert.Equal(0, ran.Skips.Total);
        Assert.Equal(SessionStatus.WaitingForJoin, (await host.Sessions.GetAsync(nine, CancellationToken.None))!.Status);
        await host.EndScheduleAsync("replace", nine);
    }

    [Fact]
    public async Task AllowAll_PreviousSessionLive_StartsTheOccurrenceAnyway()
    {
        var clock = new FakeTimeProvider(Start);
        await using var host = await SessionTestHost.StartAsync(clock);
        var room = TestRequests.NewRoom();
        var first = await StartWithLiveFirstSessionAsync(host, clock, room, "all", ScheduleOverlapPolicy.AllowAll);

        clock.Advance(TimeSpan.FromHours(1));
        var ran = await host.WaitForScheduleAsync("all", p => p.Occurrences == 2, "the second session");

        var nine = ScheduleWaits.OccurrenceSession(room, "all", Nine);
        Assert.Equal(nine, ran.LastSessionId);
        Assert.Equal(0, ran.Skips.Total);
        Assert.Equal(SessionStatus.Live, (await host.Sessions.GetAsync(first, CancellationToken.None))!.Status);
        Assert.Equal(SessionStatus.WaitingForJoin, (await host.WaitForPhaseAsync(nine, "WaitingForJoin")).Status);
        await host.EndScheduleAsync("all", nine, first);
    }

    /// <summary>Creates an hourly schedule, lets its eight o'clock session go live and waits until the schedule waits for nine.</summary>
    private static async Task<string> StartWithLiveFirstSessionAsync(
        SessionTestHost host, FakeTimeProvider clock, uint room, string id, ScheduleOverlapPolicy overlap)
    {
        var template = TestRequests.Session(room) with { MaxDuration = TimeSpan.FromHours(6) };
        var created = await host.Sessions.CreateScheduleAsync(
            new ScheduleRequest { Id = id, Cron = "0 * * * *", TimeZone = "UTC", Overlap = overlap, Template = template }, CancellationToken.None);
        Assert.Equal(overlap, created.Overlap);
        await host.WaitForWakeAtAsync(id, Eight);

        clock.Advance(TimeSpan.FromHours(1));
        var first = ScheduleWaits.OccurrenceSession(room, id, Eight);
        await host.WaitForScheduleAsync(id, p => p.LastSessionId == first, "the first session");
        await host.WaitForPhaseAsync(first, "WaitingForJoin");
        await host.JoinAndGoLiveAsync(first, room, "anchor-1");
        await host.WaitForWakeAtAsync(id, Nine);
        return first;
    }
}

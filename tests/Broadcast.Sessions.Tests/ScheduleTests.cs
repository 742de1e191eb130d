using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Broadcast.Sessions.Tests;

/// <summary>Scheduled starts and recurring schedules, on a fake clock.</summary>
public sealed class ScheduleTests
{
    // 08:00 in Berlin (UTC+1 in March before the change to summer time).
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 7, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Session_WithStartAt_WaitsForItsTimeThenTakesTheEarlyJoin()
    {
        var clock = new FakeTimeProvider(Start);
        await using var host = await SessionTestHost.StartAsync(clock);
        var room = TestRequests.NewRoom();
        var startAt = Start.AddHours(1);
        var id = await host.CreateAsync(TestRequests.Session(room) with { StartAt = startAt });

        var scheduled = await host.WaitForPhaseAsync(id, "Scheduled");
        Assert.Equal(SessionStatus.Scheduled, scheduled.Status);
        Assert.Equal(startAt, scheduled.StartAt);

        // The anchor is early: the signal waits in the session's inbox until the start time.
        host.Simulator.State.JoinUser(room, "anchor-1");
        Assert.Equal([id], await host.Sessions.SignalUserJoinedAsync(room, "anchor-1", CancellationToken.None));
        Assert.Empty(host.Simulator.State.Calls);
        clock.Advance(TimeSpan.FromHours(1));
        await host.WaitForStatusAsync(id, SessionStatus.Live);
        var ended = await host.CancelAndWaitAsync(id);

        Assert.Equal(SessionStatus.Completed, ended.Status);
        Assert.Equal(startAt, ended.Result!.LiveAt);
        Assert.Contains(ended.Result.Timeline, e => e.Kind == TimelineKind.Timer && e.At == startAt);
        host.AssertNothingLeftRunning();
    }

    [Fact]
    public async Task Session_CancelledBeforeItsStartAt_EndsCancelledWithoutAnyCall()
    {
        var clock = new FakeTimeProvider(Start);
        await using var host = await SessionTestHost.StartAsync(clock);
        var room = TestRequests.NewRoom();
        var id = await host.CreateAsync(TestRequests.Session(room) with { StartAt = Start.AddDays(1) });
        await host.WaitForPhaseAsync(id, "Scheduled");

        var ended = await host.CancelAndWaitAsync(id);

        Assert.Equal(SessionStatus.Cancelled, ended.Status);
        Assert.DoesNotContain(ended.Result!.Timeline, e => e.Kind == TimelineKind.Call);
        Assert.Empty(host.Simulator.State.Calls);
        host.AssertNothingLeftRunning();
    }

    [Fact]
    public async Task RecurringSchedule_CreatesOneSessionPerOccurrenceInItsTimeZone()
    {
        var clock = new FakeTimeProvider(Start);
        await using var host = await SessionTestHost.StartAsync(clock);
        var room = TestRequests.NewRoom();
        var template = TestRequests.Session(room) with { JoinTimeout = TimeSpan.FromMinutes(10) };
        var created = await host.Sessions.CreateScheduleAsync(
            new ScheduleRequest { Id = "morning", Cron = "0 9 * * *", TimeZone = "Europe/Berlin", Template = template }, CancellationToken.None);
        Assert.Equal(Start.AddHours(1), created.NextOccurrence);
        await Poll.UntilAsync(
            () => host.Client.GetInstanceAsync(SessionIds.ForSchedule("morning"), getInputsAndOutputs: true), m => m?.SerializedCustomStatus is not null, "the schedule's timer");

        clock.Advance(TimeSpan.FromHours(1));
        var firstId = SessionIds.ForSession(room, "anchor-1", "s-morning-20260302T080000Z");
        var first = await Poll.UntilAsync(() => host.Sessions.GetAsync(firstId, CancellationToken.None), v => v is not null, "the first session");
        var schedule = await Poll.UntilAsync(
            () => host.Sessions.GetScheduleAsync("morning", CancellationToken.None), s => s!.Occurrences == 1, "the schedule's next generation");

        Assert.Equal(SessionStatus.WaitingForJoin, first!.Status);
        Assert.Equal(ScheduleStatus.Active, schedule!.Status);
        Assert.Equal(firstId, schedule.LastSessionId);
        Assert.Equal(Start.AddHours(1), schedule.LastOccurrence);
        Assert.Equal(Start.AddHours(25), schedule.NextOccurrence);
        Assert.Equal("morning", Assert.Single(await host.Sessions.ListSchedulesAsync(CancellationToken.None)).Id);

        await host.WaitForPhaseAsync(firstId, "WaitingForJoin");
        clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(SessionStatus.JoinTimedOut, (await host.WaitForEndAsync(firstId)).Status);
        Assert.True(await host.Sessions.DeleteScheduleAsync("morning", CancellationToken.None));
        Assert.Null(await host.Sessions.GetScheduleAsync("morning", CancellationToken.None));
        Assert.False(await host.Sessions.DeleteScheduleAsync("morning", CancellationToken.None));
        host.AssertNothingLeftRunning();
    }

    [Fact]
    public async Task CreateSchedule_SameRequestTwice_IsIdempotent_AndADifferentOneConflicts()
    {
        await using var host = await SessionTestHost.StartAsync(new FakeTimeProvider(Start));
        var request = new ScheduleRequest
        {
            Id = "daily", Cron = "30 18 * * 1-5", TimeZone = "UTC",
            Template = TestRequests.Session(TestRequests.NewRoom()) with { ChannelDescription = "", Bitrates = [], JoinTimeout = null },
        };

        var first = await host.Sessions.CreateScheduleAsync(request, CancellationToken.None);
        var again = await host.Sessions.CreateScheduleAsync(request, CancellationToken.None);
        var defaults = host.Services.GetRequiredService<IOptions<SessionOptions>>().Value;
        var spelledOut = await host.Sessions.CreateScheduleAsync(request with
        {
            Template = request.Template! with { ChannelDescription = null!, Bitrates = null!, JoinTimeout = defaults.DefaultJoinTimeout },
        }, CancellationToken.None);
        var conflict = await Assert.ThrowsAsync<SessionConflictException>(
            () => host.Sessions.CreateScheduleAsync(request with { Cron = "0 19 * * 1-5" }, CancellationToken.None));
        var otherTemplate = await Assert.ThrowsAsync<SessionConflictException>(() => host.Sessions.CreateScheduleAsync(
            request with { Template = request.Template! with { JoinTimeout = defaults.DefaultJoinTimeout + TimeSpan.FromMinutes(1) } },
            CancellationToken.None));

        Assert.Equal(new DateTimeOffset(2026, 3, 2, 18, 30, 0, TimeSpan.Zero), first.NextOccurrence);
        Assert.Equal(first.Id, again.Id);
        Assert.Equal(first.Id, spelledOut.Id);
        Assert.Equal("daily", conflict.Id);
        Assert.Equal("daily", otherTemplate.Id);
        Assert.True(await host.Sessions.DeleteScheduleAsync("daily", CancellationToken.None));
        host.AssertNothingLeftRunning();
    }
}

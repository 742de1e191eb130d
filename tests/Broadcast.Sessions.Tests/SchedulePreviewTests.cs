using Microsoft.Extensions.Time.Testing;

namespace Broadcast.Sessions.Tests;

/// <summary>The preview of upcoming occurrences and the validation of the schedule policies.</summary>
public sealed class SchedulePreviewTests
{
    // Friday 27 March 2026, noon UTC; Berlin changes to summer time on Sunday 29 March at 02:00.
    private static readonly DateTimeOffset Friday = new(2026, 3, 27, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Winter = TimeSpan.FromHours(1);
    private static readonly TimeSpan Summer = TimeSpan.FromHours(2);

    [Fact]
    public async Task Preview_FollowsTheTimeZoneAcrossTheChangeToSummerTime()
    {
        await using var host = await SessionTestHost.StartAsync(new FakeTimeProvider(Friday));
        await CreateAsync(host, "berlin", "0 9 * * *");

        var view = (await host.Sessions.GetScheduleAsync("berlin", 4, CancellationToken.None))!;

        Assert.Equal(
            [
                new DateTimeOffset(2026, 3, 28, 9, 0, 0, Winter),
                new DateTimeOffset(2026, 3, 29, 9, 0, 0, Summer),
                new DateTimeOffset(2026, 3, 30, 9, 0, 0, Summer),
                new DateTimeOffset(2026, 3, 31, 9, 0, 0, Summer),
            ],
            view.Preview);
        Assert.Equal([Winter, Summer, Summer, Summer], view.Preview.Select(o => o.Offset));
        Assert.Equal(new DateTimeOffset(2026, 3, 28, 8, 0, 0, TimeSpan.Zero), view.NextOccurrence);
        await host.EndScheduleAsync("berlin");
    }

    [Fact]
    public async Task Preview_AnOccurrenceInTheSkippedHour_MovesToTheEndOfTheGap()
    {
        await using var host = await SessionTestHost.StartAsync(new FakeTimeProvider(Friday));
        await CreateAsync(host, "gap", "30 2 * * *");

        var view = (await host.Sessions.GetScheduleAsync("gap", 3, CancellationToken.None))!;

        // 02:30 does not exist on 29 March in Berlin: that day's occurrence is at 03:00 summer time (01:00 UTC).
        Assert.Equal(
            [
                new DateTimeOffset(2026, 3, 28, 2, 30, 0, Winter),
                new DateTimeOffset(2026, 3, 29, 3, 0, 0, Summer),
                new DateTimeOffset(2026, 3, 30, 2, 30, 0, Summer),
            ],
            view.Preview);
        await host.EndScheduleAsync("gap");
    }

    [Fact]
    public async Task Preview_CountIsChecked_DefaultsToFive_AndListsCarryNone()
    {
        await using var host = await SessionTestHost.StartAsync(new FakeTimeProvider(Friday));
        await CreateAsync(host, "count", "*/5 * * * *");

        Assert.Equal(ScheduleView.DefaultPreview, (await host.Sessions.GetScheduleAsync("count", CancellationToken.None))!.Preview.Count);
        Assert.Empty((await host.Sessions.GetScheduleAsync("count", 0, CancellationToken.None))!.Preview);
        var most = (await host.Sessions.GetScheduleAsync("count", ScheduleView.MaxPreview, CancellationToken.None))!.Preview;
        Assert.Equal(ScheduleView.MaxPreview, most.Count);
        Assert.Equal(Friday.AddMinutes(5 * ScheduleView.MaxPreview), most[^1]);
        foreach (var bad in new[] { -1, ScheduleView.MaxPreview + 1 })
        {
            var error = await Assert.ThrowsAsync<SessionValidationException>(() => host.Sessions.GetScheduleAsync("count", bad, CancellationToken.None));
            Assert.Contains("between 0 and 100", Assert.Single(error.Errors["preview"]), StringComparison.Ordinal);
        }

        Assert.Empty(Assert.Single(await host.Sessions.ListSchedulesAsync(CancellationToken.None)).Preview);
        await host.EndScheduleAsync("count");
    }

    [Fact]
    public async Task CreateSchedule_BadPolicies_NameTheirFields_AndAnotherPolicyConflicts()
    {
        await using var host = await SessionTestHost.StartAsync(new FakeTimeProvider(Friday));
        var request = new ScheduleRequest
        {
            Id = "policies",
            Cron = "0 9 * * *",
            TimeZone = "UTC",
            Overlap = (ScheduleOverlapPolicy)42,
            CatchUpWindow = TimeSpan.FromDays(8),
            Template = TestRequests.Session(TestRequests.NewRoom()),
        };

        var error = await Assert.ThrowsAsync<SessionValidationException>(() => host.Sessions.CreateScheduleAsync(request, CancellationToken.None));
        Assert.Equal(["catchUpWindow", "overlap"], error.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("7.00:00:00", error.Errors["catchUpWindow"][0], StringComparison.Ordinal);
        Assert.Contains("BufferOne", error.Errors["overlap"][0], StringComparison.Ordinal);
        var negative = await Assert.ThrowsAsync<SessionValidationException>(() => host.Sessions.CreateScheduleAsync(
            request with { Overlap = ScheduleOverlapPolicy.Skip, CatchUpWindow = TimeSpan.FromMinutes(-1) }, CancellationToken.None));
        Assert.Equal("catchUpWindow", Assert.Single(negative.Errors.Keys));

        var valid = request with { Overlap = ScheduleOverlapPolicy.BufferOne, CatchUpWindow = TimeSpan.FromHours(1) };
        var created = await host.Sessions.CreateScheduleAsync(valid, CancellationToken.None);
        Assert.Equal(ScheduleOverlapPolicy.BufferOne, (await host.Sessions.CreateScheduleAsync(valid, CancellationToken.None)).Overlap);
        await Assert.ThrowsAsync<SessionConflictException>(
            () => host.Sessions.CreateScheduleAsync(valid with { Overlap = ScheduleOverlapPolicy.AllowAll }, CancellationToken.None));
        await Assert.ThrowsAsync<SessionConflictException>(
            () => host.Sessions.CreateScheduleAsync(valid with { CatchUpWindow = TimeSpan.FromHours(2) }, CancellationToken.None));
        Assert.Equal(TimeSpan.FromHours(1), created.CatchUpWindow);
        Assert.Equal(ScheduleView.DefaultPreview, created.Preview.Count);
        await host.EndScheduleAsync("policies");
    }

    private static async Task CreateAsync(SessionTestHost host, string id, string cron)
    {
        await host.Sessions.CreateScheduleAsync(
            new ScheduleRequest { Id = id, Cron = cron, TimeZone = "Europe/Berlin", Template = TestRequests.Session(TestRequests.NewRoom()) },
            CancellationToken.None);
        await host.WaitForScheduleAsync(id, p => p.WakeAt is not null, "its first timer");
    }
}

using Broadcast.Sessions;
using Broadcast.Sessions.Tests;

namespace Broadcast.Functions.Tests;

/// <summary>
/// A recurring schedule on Durable Task: an eternal orchestration (<c>ContinueAsNew</c>) that creates each occurrence's
/// session from an activity, which reaches Durable Task through the client bound to that invocation.
/// </summary>
public sealed class ScheduleOnDurableTaskTests
{
    [Fact]
    public async Task RecurringSchedule_CreatesTheSessionOfItsNextOccurrence_AndIsGoneOnceDeleted()
    {
        await using var host = await FunctionsTestHost.StartAsync();
        using var bound = host.BindClient();
        var room = TestRequests.NewRoom();

        // Cron has minutes at the finest, so the first occurrence is up to a minute away.
        var created = await host.Sessions.CreateScheduleAsync(
            new ScheduleRequest { Id = $"every-minute-{room}", Cron = "* * * * *", Template = TestRequests.Session(room) }, CancellationToken.None);
        var occurrence = created.NextOccurrence!.Value;
        var schedule = await Poll.UntilAsync(
            () => host.Sessions.GetScheduleAsync(created.Id, CancellationToken.None), s => s?.Occurrences >= 1,
            "the schedule's first occurrence", TimeSpan.FromSeconds(100));

        Assert.Equal(ScheduleStatus.Active, schedule!.Status);
        Assert.Equal(occurrence, schedule.LastOccurrence);
        Assert.Equal(occurrence.AddMinutes(1), schedule.NextOccurrence);
        Assert.Null(schedule.LastError);
        var session = await host.WaitForAsync(schedule.LastSessionId!, v => v.Phase == "WaitingForJoin", "the occurrence's session");
        Assert.Equal(room, session.RoomId);

        Assert.True(await host.Sessions.DeleteScheduleAsync(created.Id, CancellationToken.None));
        Assert.Null(await host.Sessions.GetScheduleAsync(created.Id, CancellationToken.None));
        Assert.Equal(SignalResult.Delivered, await host.Sessions.CancelAsync(session.Id, null, CancellationToken.None));
        Assert.Equal(SessionStatus.Cancelled, (await host.WaitForEndAsync(session.Id)).Status);
        host.AssertNothingLeftRunning();
    }
}

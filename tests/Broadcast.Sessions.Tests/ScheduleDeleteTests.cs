using Broadcast.Durable;

namespace Broadcast.Sessions.Tests;

/// <summary>An occurrence whose schedule was deleted while its create waited or ran.</summary>
public sealed class ScheduleDeleteTests
{
    private static readonly DateTimeOffset Occurrence = new(2026, 3, 2, 7, 10, 0, TimeSpan.Zero);

    [Fact]
    public async Task Occurrence_OfADeletedSchedule_CreatesNoSession_WhileARunningOnesDoes()
    {
        await using var host = await SessionTestHost.StartAsync();
        var room = TestRequests.NewRoom();
        foreach (var id in new[] { "gone", "kept" })
        {
            await host.Sessions.CreateScheduleAsync(
                new ScheduleRequest { Id = id, Cron = "0 8 1 1 *", TimeZone = "UTC", Template = TestRequests.Session(room) }, CancellationToken.None);
        }

        Assert.True(await host.Sessions.DeleteScheduleAsync("gone", CancellationToken.None));
        var activity = new CreateScheduledSessionActivity(host.Sessions);

        var ofDeleted = await activity.RunAsync(new Context(SessionIds.ForSchedule("gone")),
            new ScheduledSessionInput("gone", Occurrence, TestRequests.Session(room)), CancellationToken.None);
        var ofRunning = await activity.RunAsync(new Context(SessionIds.ForSchedule("kept")),
            new ScheduledSessionInput("kept", Occurrence, TestRequests.Session(room)), CancellationToken.None);

        Assert.False(ofDeleted.Created);
        Assert.Contains("Schedule gone has ended", ofDeleted.Error, StringComparison.Ordinal);
        Assert.Null(await host.Sessions.GetAsync(ScheduleWaits.OccurrenceSession(room, "gone", Occurrence), CancellationToken.None));
        Assert.True(ofRunning.Created);
        Assert.Equal(ScheduleWaits.OccurrenceSession(room, "kept", Occurrence), ofRunning.SessionId);
        await host.EndScheduleAsync("kept", ofRunning.SessionId);
    }

    private sealed record Context(string InstanceId) : IActivityContext
    {
        public string Name => SessionActivities.CreateScheduledSession;
    }
}

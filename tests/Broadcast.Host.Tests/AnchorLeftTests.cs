using System.Net;
using System.Net.Http.Json;
using Broadcast.Durable;
using Broadcast.Sessions;
using Microsoft.Extensions.Time.Testing;

namespace Broadcast.Host.Tests;

/// <summary>The anchor leaving and rejoining through the HTTP API, on a fake clock.</summary>
public sealed class AnchorLeftTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 7, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task AnchorLeavesByRoomRejoinsThenLeavesBySession_StopsWithAnchorLeftAfterTheGrace()
    {
        var clock = new FakeTimeProvider(Start);
        await using var host = await TestHost.StartAsync(clock: clock);
        var links = await host.CreateSessionAsync(Requests.Session("anchor-left", roomId: 3101) with { LeaveGrace = TimeSpan.FromSeconds(30) });
        host.Simulator.State.JoinUser(3101, "anchor-1");
        await host.PostAcceptedAsync(links.UserJoinedUrl);
        await host.WaitForSessionAsync(links.Id, view => view.Status == SessionStatus.Live, "Live");

        using (var left = await host.Http.PostAsync("/api/rooms/3101/users/anchor-1/left", null))
        {
            Assert.Equal(HttpStatusCode.OK, left.StatusCode);
            Assert.Equal([links.Id], (await left.Content.ReadFromJsonAsync<RoomSignalResult>(DurableJson.Options))!.Signalled);
        }

        var away = await host.WaitForSessionAsync(links.Id, view => view.AnchorLeftAt is not null, "the anchor away");
        Assert.Equal(Start, away.AnchorLeftAt);
        clock.Advance(TimeSpan.FromSeconds(20));
        await host.PostAcceptedAsync(links.UserJoinedUrl);
        await host.WaitForSessionAsync(links.Id, view => view.AnchorLeftAt is null, "the rejoin");

        await host.PostAcceptedAsync(links.UserLeftUrl);
        await host.WaitForSessionAsync(links.Id, view => view.AnchorLeftAt is not null, "the second leave");
        clock.Advance(TimeSpan.FromSeconds(30));
        var done = await host.WaitForResultAsync(links.Id);

        Assert.Equal(SessionStatus.AnchorLeft, done.Status);
        Assert.Equal(SessionOutcome.AnchorLeft, done.Result!.Outcome);
        Assert.Equal(SessionEndReason.AnchorLeft, done.Result.EndReason);
        Assert.Equal(Start.AddSeconds(50), done.Result.EndedAt);
        var signals = done.Result.Timeline.Where(e => e.Kind == TimelineKind.Signal).Select(e => e.Message).ToList();
        Assert.Equal(2, signals.Count(m => m.StartsWith("User left the room", StringComparison.Ordinal)));
        Assert.Single(signals, m => m.StartsWith("User rejoined the room after 20.000s", StringComparison.Ordinal));
        Assert.Single(done.Calls("StopPush"));
        host.AssertNothingLeftRunning();
    }

    [Fact]
    public async Task UserLeft_ForUnknownOrFinishedSession_Answers404And409()
    {
        await using var host = await TestHost.StartAsync();
        var links = await host.CreateSessionAsync(Requests.Session("left-late"));
        await host.PostAcceptedAsync(links.CancelUrl);
        await host.WaitForResultAsync(links.Id);

        using var unknown = await host.Http.PostAsync("/api/sessions/r1:unobody:none/user-left", null);
        using var finished = await host.Http.PostAsync(links.UserLeftUrl, null);
        using var badRoom = await host.Http.PostAsync("/api/rooms/0/users/a:b/left", null);

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, finished.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badRoom.StatusCode);
        var problem = await badRoom.Content.ReadAsStringAsync();
        Assert.Contains("roomId", problem, StringComparison.Ordinal);
        Assert.Contains("userId", problem, StringComparison.Ordinal);
        host.AssertNothingLeftRunning();
    }
}

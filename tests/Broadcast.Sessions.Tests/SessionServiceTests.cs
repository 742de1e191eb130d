using Broadcast.Durable;

namespace Broadcast.Sessions.Tests;

/// <summary>The service hosts call: validation before anything exists, idempotent creation, lists and signals.</summary>
public sealed class SessionServiceTests
{
    [Fact]
    public async Task Create_InvalidRequest_NamesEveryBadFieldAndCreatesNothing()
    {
        await using var host = await SessionTestHost.StartAsync();
        var request = new SessionRequest
        {
            RoomId = 0,
            UserId = "bad:user",
            ChannelName = "",
            Bitrates = [Ilvb.Bitrate.Hd, Ilvb.Bitrate.Hd],
            Recording = new RecordingSettings { Mode = RecordingMode.Separate },
            JoinTimeout = TimeSpan.FromDays(2),
            Retry = new SessionRetryOverrides { Start = new RetryOverride { MaxAttempts = 0 } },
        };

        var error = await Assert.ThrowsAsync<SessionValidationException>(() => host.Sessions.CreateAsync(request, CancellationToken.None));

        Assert.Equal(
            ["bitrates", "channelName", "joinTimeout", "recording.fileName", "retry.start.maxAttempts", "roomId", "userId"],
            error.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("recording.fileName", error.Message, StringComparison.Ordinal);
        var page = await host.Client.QueryInstancesAsync(new OrchestrationQuery());
        Assert.Empty(page.Instances);
    }

    [Fact]
    public async Task Create_SameKeyTwice_ReturnsTheSameSession_AndADifferentRequestConflicts()
    {
        await using var host = await SessionTestHost.StartAsync();
        var room = TestRequests.NewRoom();
        var request = TestRequests.Session(room, key: "evening-show");

        var first = await host.Sessions.CreateAsync(request, CancellationToken.None);
        var again = await host.Sessions.CreateAsync(request, CancellationToken.None);
        var conflict = await Assert.ThrowsAsync<SessionConflictException>(
            () => host.Sessions.CreateAsync(request with { ChannelName = "Another show" }, CancellationToken.None));

        Assert.Equal($"r{room}:uanchor-1:evening-show", first.SessionId);
        Assert.True(first.Created);
        Assert.Equal(new SessionCreated(first.SessionId, Created: false), again);
        Assert.Equal(first.SessionId, conflict.Id);
        Assert.Equal(SessionStatus.Cancelled, (await host.CancelAndWaitAsync(first.SessionId)).Status);
        Assert.False((await host.Sessions.CreateAsync(request, CancellationToken.None)).Created);
        host.AssertNothingLeftRunning();
    }

    [Fact]
    public async Task Create_SameKey_SpelledDifferentlyButStartingTheSameSession_IsARepeat()
    {
        await using var host = await SessionTestHost.StartAsync();
        var request = TestRequests.Session(TestRequests.NewRoom(), key: "spelled") with { ChannelDescription = "", Bitrates = [], JoinTimeout = null, LeaveGrace = null };
        var first = await host.Sessions.CreateAsync(request, CancellationToken.None);

        // Explicit nulls where the fields default to empty, and the defaults the omitted durations resolved to.
        var spelledOut = request with
        {
            ChannelDescription = null!,
            PlayerPassword = null!,
            Bitrates = null!,
            JoinTimeout = new SessionOptions().DefaultJoinTimeout,
            LeaveGrace = BroadcastSessionInput.StandardLeaveGrace,
        };

        Assert.Equal(new SessionCreated(first.SessionId, Created: false), await host.Sessions.CreateAsync(spelledOut, CancellationToken.None));
        await Assert.ThrowsAsync<SessionConflictException>(
            () => host.Sessions.CreateAsync(request with { JoinTimeout = TimeSpan.FromMinutes(11) }, CancellationToken.None));
        await Assert.ThrowsAsync<SessionConflictException>(
            () => host.Sessions.CreateAsync(request with { ChannelDescription = "another" }, CancellationToken.None));
        Assert.Equal(SessionStatus.Cancelled, (await host.CancelAndWaitAsync(first.SessionId)).Status);
        host.AssertNothingLeftRunning();
    }

    [Fact]
    public async Task SignalByRoomAndUser_SignalsOnlyTheWaitingSessionsOfThatAnchor()
    {
        await using var host = await SessionTestHost.StartAsync();
        var room = TestRequests.NewRoom();
        var waiting = await host.CreateAsync(TestRequests.Session(room, "anchor-1"));
        var otherAnchor = await host.CreateAsync(TestRequests.Session(room, "anchor-2"));
        var otherRoom = await host.CreateAsync(TestRequests.Session(TestRequests.NewRoom(), "anchor-1"));
        var finished = await host.CreateAsync(TestRequests.Session(room, "anchor-1"));
        await host.CancelAndWaitAsync(finished);

        host.Simulator.State.JoinUser(room, "anchor-1");
        var signalled = await host.Sessions.SignalUserJoinedAsync(room, "anchor-1", CancellationToken.None);

        Assert.Equal([waiting], signalled);
        await host.WaitForStatusAsync(waiting, SessionStatus.Live);
        Assert.Equal(SessionStatus.WaitingForJoin, (await host.Sessions.GetAsync(otherAnchor, CancellationToken.None))!.Status);
        Assert.Equal(SessionStatus.WaitingForJoin, (await host.Sessions.GetAsync(otherRoom, CancellationToken.None))!.Status);
        foreach (var id in new[] { waiting, otherAnchor, otherRoom })
        {
            await host.CancelAndWaitAsync(id);
        }

        host.AssertNothingLeftRunning();
    }

    [Fact]
    public async Task List_FiltersByStatusRoomAndAnchor_InPages()
    {
        await using var host = await SessionTestHost.StartAsync();
        var room = TestRequests.NewRoom();
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await host.CreateAsync(TestRequests.Session(room, key: $"show-{i}")));
        }

        var other = await host.CreateAsync(TestRequests.Session(room, "anchor-2"));
        await host.CancelAndWaitAsync(ids[1]);

        var firstPage = await host.Sessions.ListAsync(new SessionListQuery { RoomId = room, UserId = "anchor-1", PageSize = 2 }, CancellationToken.None);
        var secondPage = await host.Sessions.ListAsync(
            new SessionListQuery { RoomId = room, UserId = "anchor-1", PageSize = 2, ContinuationToken = firstPage.ContinuationToken }, CancellationToken.None);
        var cancelled = await host.Sessions.ListAsync(new SessionListQuery { Status = SessionStatus.Cancelled }, CancellationToken.None);
        var wholeRoom = await host.Sessions.ListAsync(new SessionListQuery { RoomId = room }, CancellationToken.None);
        var invalid = await Assert.ThrowsAsync<SessionValidationException>(
            () => host.Sessions.ListAsync(new SessionListQuery { UserId = "anchor-1", PageSize = 0 }, CancellationToken.None));
        var otherAnchorsToken = await Assert.ThrowsAsync<SessionValidationException>(() => host.Sessions.ListAsync(
            new SessionListQuery { RoomId = room, UserId = "anchor-2", ContinuationToken = firstPage.ContinuationToken }, CancellationToken.None));
        var garbageToken = await Assert.ThrowsAsync<SessionValidationException>(
            () => host.Sessions.ListAsync(new SessionListQuery { ContinuationToken = "zzz" }, CancellationToken.None));

        Assert.Equal(ids.Take(2), firstPage.Items.Select(v => v.Id));
        Assert.NotNull(firstPage.ContinuationToken);
        Assert.Equal([ids[2]], secondPage.Items.Select(v => v.Id));
        Assert.Equal([ids[1]], cancelled.Items.Select(v => v.Id));
        Assert.Equal(4, wholeRoom.Items.Count);
        Assert.Equal(["pageSize", "userId"], invalid.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["continuationToken"], otherAnchorsToken.Errors.Keys);
        Assert.Equal(["continuationToken"], garbageToken.Errors.Keys);
        foreach (var id in new[] { ids[0], ids[2], other })
        {
            await host.CancelAndWaitAsync(id);
        }

        host.AssertNothingLeftRunning();
    }

    [Fact]
    public async Task Signals_ToUnknownOrFinishedSessions_SayWhy()
    {
        await using var host = await SessionTestHost.StartAsync();
        var id = await host.CreateAsync(TestRequests.Session(TestRequests.NewRoom()));
        await host.CancelAndWaitAsync(id);

        Assert.Equal(SignalResult.NotFound, await host.Sessions.CancelAsync("r1:unobody:none", null, CancellationToken.None));
        Assert.Equal(SignalResult.NotFound, await host.Sessions.SignalUserJoinedAsync("", CancellationToken.None));
        Assert.Equal(SignalResult.AlreadyFinished, await host.Sessions.CancelAsync(id, "again", CancellationToken.None));
        Assert.Null(await host.Sessions.GetAsync("r1:unobody:none", CancellationToken.None));
        Assert.Null(await host.Sessions.GetScheduleAsync("no such:schedule", CancellationToken.None));
        host.AssertNothingLeftRunning();
    }

    [Fact]
    public async Task CreateSchedule_InvalidRequest_NamesEveryBadField()
    {
        await using var host = await SessionTestHost.StartAsync();
        var request = new ScheduleRequest
        {
            Id = "bad id",
            Cron = "every day",
            TimeZone = "Mars/Olympus",
            Template = TestRequests.Session(TestRequests.NewRoom(), key: "fixed") with { ChannelName = "", StartAt = DateTimeOffset.UnixEpoch },
        };

        var error = await Assert.ThrowsAsync<SessionValidationException>(() => host.Sessions.CreateScheduleAsync(request, CancellationToken.None));

        Assert.Equal(
            ["cron", "id", "template.channelName", "template.key", "template.startAt", "timeZone"],
            error.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("Mars/Olympus", error.Errors["timeZone"][0], StringComparison.Ordinal);
        Assert.Empty(await host.Sessions.ListSchedulesAsync(CancellationToken.None));
    }
}

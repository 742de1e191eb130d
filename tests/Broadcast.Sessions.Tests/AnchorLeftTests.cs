using Broadcast.Ilvb.Simulator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Broadcast.Sessions.Tests;

/// <summary>The anchor leaving the room: the leave grace, rejoins, repeated leaves, and leaves before the session is live; on a fake clock.</summary>
public sealed class AnchorLeftTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 7, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Grace = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task LiveSession_AnchorLeavesAndStaysAway_StopsWithAnchorLeftWhenTheGraceEnds()
    {
        var clock = new FakeTimeProvider(Start);
        await using var host = await SessionTestHost.StartAsync(clock);
        var room = TestRequests.NewRoom();
        var id = await host.CreateAsync(TestRequests.Session(room).WithRecording(RecordingMode.Separate) with { LeaveGrace = Grace });
        await host.JoinAndGoLiveAsync(id, room, "anchor-1");

        Assert.Equal(SignalResult.Delivered, await host.Sessions.SignalUserLeftAsync(id, CancellationToken.None));
        var away = await WaitForAbsenceAsync(host, id);
        Assert.Equal(Start, away.AnchorLeftAt);
        Assert.Equal(SessionStatus.Live, away.Status);
        clock.Advance(Grace);
        var ended = await host.WaitForEndAsync(id);

        Assert.Equal(SessionStatus.AnchorLeft, ended.Status);
        Assert.Equal(SessionOutcome.AnchorLeft, ended.Result!.Outcome);
        Assert.Equal(SessionEndReason.AnchorLeft, ended.Result.EndReason);
        Assert.Equal(Start + Grace, ended.Result.EndedAt);
        Assert.Null(ended.AnchorLeftAt);
        Assert.Contains(ended.Result.Timeline, e => e.Kind == TimelineKind.Signal && e.At == Start && e.Message.StartsWith("User left the room", StringComparison.Ordinal));
        Assert.Contains(ended.Result.Timeline, e => e.Kind == TimelineKind.Timer && e.Message.Contains("did not rejoin", StringComparison.Ordinal));
        Assert.Equal(
            [SessionActivities.StartPush, SessionActivities.StartRecording, SessionActivities.StopRecording, SessionActivities.StopPush],
            ended.Result.Timeline.Where(e => e.Kind == TimelineKind.Call).Select(e => e.Operation));
        Assert.NotEmpty(ended.Result.FileIds);
        var listed = await host.Sessions.ListAsync(new SessionListQuery { Status = SessionStatus.AnchorLeft, RoomId = room }, CancellationToken.None);
        Assert.Equal([id], listed.Items.Select(v => v.Id));
        host.AssertNothingLeftRunning();
    }

    [Fact]
    public async Task LiveSession_AnchorRejoinsWithinTheGrace_StaysLivePastTheOldDeadline()
    {
        var clock = new FakeTimeProvider(Start);
        await using var host = await SessionTestHost.StartAsync(clock);
        var room = TestRequests.NewRoom();
        var id = await host.CreateAsync(TestRequests.Session(room) with { LeaveGrace = Grace });
        await host.JoinAndGoLiveAsync(id, room, "anchor-1");

        await host.Sessions.SignalUserLeftAsync(id, CancellationToken.None);
        await WaitForAbsenceAsync(host, id);
        clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(SignalResult.Delivered, await host.Sessions.SignalUserJoinedAsync(id, CancellationToken.None));
        var back = await host.WaitForAsync(id, v => v.AnchorLeftAt is null && v.Timeline.Any(e => e.Message.StartsWith("User rejoined", StringComparison.Ordinal)),
            "the rejoin");
        Assert.Equal(SessionStatus.Live, back.Status);

        // Had the grace timer survived the rejoin, its message (older than the cancel's) would end the session first.
        clock.Advance(Grace);
        var ended = await host.CancelAndWaitAsync(id, "show is over");

        Assert.Equal(SessionOutcome.Completed, ended.Result!.Outcome);
        Assert.Equal(SessionEndReason.Cancelled, ended.Result.EndReason);
        Assert.DoesNotContain(ended.Result.Timeline, e => e.Message.Contains("did not rejoin", StringComparison.Ordinal));
        var signals = ended.Result.Timeline.Where(e => e.Kind == TimelineKind.Signal).Select(e => e.Message).ToList();
        Assert.Contains(signals, m => m.StartsWith("User left the room", StringComparison.Ordinal));
        Assert.Contains(signals, m => m.StartsWith("User rejoined the room after 30.000s", StringComparison.Ordinal));
        host.AssertNothingLeftRunning();
    }

    [Fact]
    public async Task LiveSession_LeavesAndRejoinsTwiceThenStaysAway_EachAbsenceHasItsOwnGrace()
    {
        var clock = new FakeTimeProvider(Start);
        await using var host = await SessionTestHost.StartAsync(clock);
        var room = TestRequests.NewRoom();
        var id = await host.CreateAsync(TestRequests.Session(room) with { LeaveGrace = Grace });
        await host.JoinAndGoLiveAsync(id, room, "anchor-1");

        for (var round = 1; round <= 2; round++)
        {
            await host.Sessions.SignalUserLeftAsync(id, CancellationToken.None);
            await WaitForAbsenceAsync(host, id);
            clock.Advance(TimeSpan.FromMinutes(1.5));
            await host.Sessions.SignalUserJoinedAsync(id, CancellationToken.None);
            var rejoins = round;
            await host.WaitForAsync(id, v => v.AnchorLeftAt is null && CountSignals(v.Timeline, "User rejoined") == rejoins, $"rejoin {round}");
        }

        var lastLeave = clock.GetUtcNow();
        await host.Sessions.SignalUserLeftAsync(id, CancellationToken.None);
        await WaitForAbsenceAsync(host, id);
        clock.Advance(Grace);
        var ended = await host.WaitForEndAsync(id);

        Assert.Equal(SessionOutcome.AnchorLeft, ended.Result!.Outcome);
        Assert.Equal(lastLeave + Grace, ended.Result.EndedAt);
        Assert.Equal(3, CountSignals(ended.Result.Timeline, "User left the room"));
        Assert.Equal(2, CountSignals(ended.Result.Timeline, "User rejoined"));
        host.AssertNothingLeftRunning();
    }

    [Fact]
    public async Task LiveSession_HostRestartsDuringTheGrace_ReplaysLeavesAndRejoinAndStopsOnTime()
    {
        var clock = new FakeTimeProvider(Start);
        await using var before = await SessionTestHost.StartAsync(clock);
        var room = TestRequests.NewRoom();
        var id = await before.CreateAsync(TestRequests.Session(room) with { LeaveGrace = Grace });
        await before.JoinAndGoLiveAsync(id, room, "anchor-1");
        await before.Sessions.SignalUserLeftAsync(id, CancellationToken.None);
        await WaitForAbsenceAsync(before, id);
        clock.Advance(TimeSpan.FromSeconds(30));
        await before.Sessions.SignalUserJoinedAsync(id, CancellationToken.None);
        await before.WaitForAsync(id, v => v.AnchorLeftAt is null, "the rejoin");
        clock.Advance(TimeSpan.FromSeconds(30));
        await before.Sessions.SignalUserLeftAsync(id, CancellationToken.None);
        await WaitForAbsenceAsync(before, id);

        // A new engine on the same file replays the whole history (join, leave, rejoin, leave) before the grace timer fires.
        await using var host = await before.RestartAsync(() => clock.Advance(TimeSpan.FromSeconds(30)));
        clock.Advance(Grace - TimeSpan.FromSeconds(30));
        var ended = await host.WaitForEndAsync(id);

        Assert.Equal(SessionStatus.AnchorLeft, ended.Status);
        Assert.Equal(Start.AddMinutes(1) + Grace, ended.Result!.EndedAt);
        Assert.Equal(2, CountSignals(ended.Result.Timeline, "User left the room"));
        Assert.Equal(1, CountSignals(ended.Result.Timeline, "User rejoined"));
        host.AssertNothingLeftRunning();
    }

    [Fact]
    public async Task LiveSession_RepeatedLeave_DoesNotExtendTheGrace()
    {
        var clock = new FakeTimeProvider(Start);
        await using var host = await SessionTestHost.StartAsync(clock);
        var room = TestRequests.NewRoom();
        var id = await host.CreateAsync(TestRequests.Session(room) with { LeaveGrace = Grace });
        await host.JoinAndGoLiveAsync(id, room, "anchor-1");

        await host.Sessions.SignalUserLeftAsync(id, CancellationToken.None);
        await WaitForAbsenceAsync(host, id);
        clock.Advance(TimeSpan.FromMinutes(1));
        await host.Sessions.SignalUserLeftAsync(id, CancellationToken.None);
        await host.WaitForAsync(id, v => v.Timeline.Any(e => e.Message.Contains("already away", StringComparison.Ordinal)), "the second leave");
        clock.Advance(TimeSpan.FromMinutes(1));
        var ended = await host.WaitForEndAsync(id);

        Assert.Equal(SessionOutcome.AnchorLeft, ended.Result!.Outcome);
        Assert.Equal(Start + Grace, ended.Result.EndedAt);
        host.AssertNothingLeftRunning();
    }

    [Fact]
    public async Task LiveSession_CancelDuringTheGrace_CompletesAsCancelled()
    {
        var clock = new FakeTimeProvider(Start);
        await using var host = await SessionTestHost.StartAsync(clock);
        var room = TestRequests.NewRoom();
        var id = await host.CreateAsync(TestRequests.Session(room) with { LeaveGrace = Grace });
        await host.JoinAndGoLiveAsync(id, room, "anchor-1");
        await host.Sessions.SignalUserLeftAsync(id, CancellationToken.None);
        await WaitForAbsenceAsync(host, id);

        var ended = await host.CancelAndWaitAsync(id, "operator stop");

        Assert.Equal(SessionOutcome.Completed, ended.Result!.Outcome);
        Assert.Equal(SessionEndReason.Cancelled, ended.Result.EndReason);
        Assert.Equal(Start, ended.Result.EndedAt);
        host.AssertNothingLeftRunning();
    }

    [Fact]
    public async Task LiveSession_MaxDurationEndsDuringTheGrace_CompletesAsMaxDurationReached()
    {
        var clock = new FakeTimeProvider(Start);
        await using var host = await SessionTestHost.StartAsync(clock);
        var room = TestRequests.NewRoom();
        var id = await host.CreateAsync(TestRequests.Session(room) with { LeaveGrace = Grace, MaxDuration = TimeSpan.FromMinutes(10) });
        await host.JoinAndGoLiveAsync(id, room, "anchor-1");
        clock.Advance(TimeSpan.FromMinutes(9));
        await host.Sessions.SignalUserLeftAsync(id, CancellationToken.None);
        await WaitForAbsenceAsync(host, id);

        clock.Advance(TimeSpan.FromMinutes(1));
        var ended = await host.WaitForEndAsync(id);

        Assert.Equal(SessionOutcome.Completed, ended.Result!.Outcome);
        Assert.Equal(SessionEndReason.MaxDurationReached, ended.Result.EndReason);
        Assert.Equal(Start.AddMinutes(10), ended.Result.EndedAt);
        host.AssertNothingLeftRunning();
    }

    [Fact]
    public async Task WaitingSession_LeaveBeforeAnyJoin_IsRecordedAndTheSessionKeepsWaiting()
    {
        var clock = new FakeTimeProvider(Start);
        await using var host = await SessionTestHost.StartAsync(clock);
        var room = TestRequests.NewRoom();
        var id = await host.CreateAsync(TestRequests.Session(room) with { LeaveGrace = Grace });
        await host.WaitForPhaseAsync(id, "WaitingForJoin");

        Assert.Equal(SignalResult.Delivered, await host.Sessions.SignalUserLeftAsync(id, CancellationToken.None));
        var waiting = await host.WaitForAsync(id, v => v.Timeline.Any(e => e.Message.Contains("before any join", StringComparison.Ordinal)), "the early leave");
        Assert.Equal(SessionStatus.WaitingForJoin, waiting.Status);
        Assert.Null(waiting.AnchorLeftAt);
        Assert.Empty(host.Simulator.State.Calls);

        // The leave is spent: once live, nothing stops the session but a later leave.
        await host.JoinAndGoLiveAsync(id, room, "anchor-1");
        clock.Advance(Grace);
        var ended = await host.CancelAndWaitAsync(id);
        Assert.Equal(SessionOutcome.Completed, ended.Result!.Outcome);
        Assert.Equal(SessionEndReason.Cancelled, ended.Result.EndReason);
        host.AssertNothingLeftRunning();
    }

    [Fact]
    public async Task ScheduledSession_AnchorJoinsAndLeavesBeforeTheStart_WaitsForANewJoin()
    {
        var clock = new FakeTimeProvider(Start);
        await using var host = await SessionTestHost.StartAsync(clock);
        var room = TestRequests.NewRoom();
        var id = await host.CreateAsync(TestRequests.Session(room) with { StartAt = Start.AddHours(1), LeaveGrace = Grace });
        await host.WaitForPhaseAsync(id, "Scheduled");

        host.Simulator.State.JoinUser(room, "anchor-1");
        Assert.Equal([id], await host.Sessions.SignalUserJoinedAsync(room, "anchor-1", CancellationToken.None));
        Assert.Equal([id], await host.Sessions.SignalUserLeftAsync(room, "anchor-1", CancellationToken.None));
        await host.WaitForAsync(id, v => v.Timeline.Any(e => e.Message.Contains("before the session started", StringComparison.Ordinal)), "the leave");
        clock.Advance(TimeSpan.FromHours(1));
        var waiting = await host.WaitForPhaseAsync(id, "WaitingForJoin");

        Assert.Equal(SessionStatus.WaitingForJoin, waiting.Status);
        Assert.Empty(host.Simulator.State.Calls);
        await host.JoinAndGoLiveAsync(id, room, "anchor-1");
        Assert.Equal(SessionEndReason.Cancelled, (await host.CancelAndWaitAsync(id)).Result!.EndReason);
        host.AssertNothingLeftRunning();
    }

    [Fact]
    public async Task StartingSession_AnchorLeavesDuringAStartRetry_StopsOnceLiveWhenTheGraceFromTheLeaveEnds()
    {
        var clock = new FakeTimeProvider(Start);
        await using var host = await SessionTestHost.StartAsync(clock);
        var room = TestRequests.NewRoom();
        var id = await host.CreateAsync(TestRequests.Session(room) with { LeaveGrace = Grace });
        host.Simulator.Faults.FailNext(SimOperation.StartPush, 40000208);
        host.Simulator.State.JoinUser(room, "anchor-1");
        await host.Sessions.SignalUserJoinedAsync(id, CancellationToken.None);
        await host.WaitForAsync(id, v => v.Timeline.Any(e => e.Kind == TimelineKind.Retry), "the start retry wait");

        await host.Sessions.SignalUserLeftAsync(id, CancellationToken.None);
        await host.WaitForAsync(id, v => v.AnchorLeftAt == Start && v.Timeline.Any(e => e.Message.Contains("while the broadcast was starting", StringComparison.Ordinal)),
            "the leave while starting");
        clock.Advance(TimeSpan.FromSeconds(1));
        await host.WaitForStatusAsync(id, SessionStatus.Live);
        clock.Advance(Grace - TimeSpan.FromSeconds(1));
        var ended = await host.WaitForEndAsync(id);

        Assert.Equal(SessionOutcome.AnchorLeft, ended.Result!.Outcome);
        Assert.Equal(Start + Grace, ended.Result.EndedAt);
        host.AssertNothingLeftRunning();
    }

    [Fact]
    public async Task RoomSignals_LeaveAndRejoinByRoom_ReachTheLiveSessionOfThatAnchorOnly()
    {
        var clock = new FakeTimeProvider(Start);
        await using var host = await SessionTestHost.StartAsync(clock);
        var room = TestRequests.NewRoom();
        var live = await host.CreateAsync(TestRequests.Session(room) with { LeaveGrace = Grace });
        var otherAnchor = await host.CreateAsync(TestRequests.Session(room, "anchor-2"));
        await host.JoinAndGoLiveAsync(live, room, "anchor-1");
        await host.WaitForPhaseAsync(otherAnchor, "WaitingForJoin");

        Assert.Equal([live], await host.Sessions.SignalUserLeftAsync(room, "anchor-1", CancellationToken.None));
        await WaitForAbsenceAsync(host, live);
        Assert.Equal([live], await host.Sessions.SignalUserJoinedAsync(room, "anchor-1", CancellationToken.None));
        await host.WaitForAsync(live, v => v.AnchorLeftAt is null, "the rejoin");
        var invalid = await Assert.ThrowsAsync<SessionValidationException>(
            () => host.Sessions.SignalUserLeftAsync(0, "a:b", CancellationToken.None));

        Assert.Equal(["roomId", "userId"], invalid.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Null((await host.Sessions.GetAsync(otherAnchor, CancellationToken.None))!.AnchorLeftAt);
        foreach (var id in new[] { live, otherAnchor })
        {
            await host.CancelAndWaitAsync(id);
        }

        Assert.Equal(SignalResult.AlreadyFinished, await host.Sessions.SignalUserLeftAsync(live, CancellationToken.None));
        Assert.Empty(await host.Sessions.SignalUserLeftAsync(room, "anchor-1", CancellationToken.None));
        host.AssertNothingLeftRunning();
    }

    [Fact]
    public async Task NewSession_WithAJoinInThePresenceBacklog_GetsItAndGoesLive()
    {
        await using var host = await SessionTestHost.StartAsync();
        var room = TestRequests.NewRoom();
        var backlog = new FixedBacklog(new PresenceSignal(PresenceChange.Joined, "evt-early", Start));
        var sessions = ActivatorUtilities.CreateInstance<SessionService>(host.Services, backlog);
        host.Simulator.State.JoinUser(room, "anchor-1");

        var id = (await sessions.CreateAsync(TestRequests.Session(room), CancellationToken.None)).SessionId;
        var live = await host.WaitForStatusAsync(id, SessionStatus.Live);

        Assert.Equal([(room, "anchor-1")], backlog.Asked);
        Assert.Contains(live.Timeline, e => e.Kind == TimelineKind.Signal && e.Message.Contains("room event 'evt-early' of 2026-03-02T07:00:00", StringComparison.Ordinal));
        await host.CancelAndWaitAsync(id);
        host.AssertNothingLeftRunning();
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(86401)]
    public void LeaveGrace_OutOfRange_IsNamed(int seconds)
    {
        var errors = new ValidationErrors();
        SessionRequestValidator.Validate(TestRequests.Session(42) with { LeaveGrace = TimeSpan.FromSeconds(seconds) }, new SessionOptions(), Start, "",
            template: false, errors);

        Assert.Equal(["leaveGrace"], errors.ToDictionary().Keys);
    }

    [Fact]
    public void LeaveGrace_Default_IsSixtySecondsAndZeroIsAllowed()
    {
        var options = new SessionOptions();

        Assert.Equal(TimeSpan.FromSeconds(60), BroadcastSessionInput.Create(TestRequests.Session(42), options).LeaveGrace);
        Assert.Equal(TimeSpan.Zero, BroadcastSessionInput.Create(TestRequests.Session(42) with { LeaveGrace = TimeSpan.Zero }, options).LeaveGrace);
        Assert.Equal(TimeSpan.FromSeconds(5),
            BroadcastSessionInput.Create(TestRequests.Session(42), new SessionOptions { DefaultLeaveGrace = TimeSpan.FromSeconds(5) }).LeaveGrace);
        Assert.Equal(TimeSpan.FromSeconds(60), Durable.DurableJson.Deserialize<BroadcastSessionInput>(
            """{"request":{"roomId":1,"userId":"a","channelName":"c"},"joinTimeout":"00:01:00","maxDuration":"01:00:00","startRetry":{},"stopRetry":{}}""")!
            .LeaveGrace);
    }

    private static Task<SessionView> WaitForAbsenceAsync(SessionTestHost host, string id) =>
        host.WaitForAsync(id, v => v.AnchorLeftAt is not null, "the anchor's absence");

    private static int CountSignals(IEnumerable<TimelineEntry> timeline, string prefix) =>
        timeline.Count(e => e.Kind == TimelineKind.Signal && e.Message.StartsWith(prefix, StringComparison.Ordinal));

    private sealed class FixedBacklog(params PresenceSignal[] signals) : IPresenceBacklog
    {
        public List<(uint, string)> Asked { get; } = [];

        public Task<IReadOnlyList<PresenceSignal>> PendingAsync(uint roomId, string userId, CancellationToken cancellationToken)
        {
            Asked.Add((roomId, userId));
            return Task.FromResult<IReadOnlyList<PresenceSignal>>(signals);
        }
    }
}

using Broadcast.Ilvb;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Broadcast.Sessions.Tests;

/// <summary>
/// The tracker writes over the entry it remembers instead of reading it first; the version guard catches a stale
/// one. Counted on the in-memory ledger.
/// </summary>
public sealed class LeakEntryCacheTests
{
    private const string Session = "r9:uanchor:k";
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly StartPushRequest Push = new() { Target = new StreamTarget(9, "anchor"), ChannelName = "c" };
    private static readonly StartRecordingRequest Recording = new() { Target = new StreamTarget(9, "anchor"), FileName = "f" };
    private static readonly SessionError Refused = new(SessionActivities.StartPush, IlvbFailureKind.VendorCode, 40000411, IlvbErrorCategory.Fatal, "not in room");
    private static readonly SessionError Lost = new(SessionActivities.StartPush, IlvbFailureKind.Timeout, 0, IlvbErrorCategory.Transient, "timeout", OutcomeUnknown: true);
    private static readonly CallOutcome<NoPayload> Stopped = new(NoPayload.Value, null);
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));
    private readonly InMemoryLeakLedger store = new();
    private readonly CountingLeakLedger ledger;
    private readonly LeakEntryCache cache;
    private readonly FakeLogger<LeakTracker> logger = new();
    private readonly LeakTracker tracker;

    public LeakEntryCacheTests()
    {
        ledger = new CountingLeakLedger(store);
        cache = new LeakEntryCache(Options.Create(new LeakSweeperOptions()), clock);
        tracker = Tracker(cache);
    }

    [Fact]
    public async Task StartStopCycle_NothingElseWrote_ReadsNothing_AndForgetsTheClosedEntries()
    {
        await tracker.BeforeStartAsync(Session, Push, None);
        await tracker.AfterStartAsync(Session, Push, error: null, None);
        await tracker.BeforeStartAsync(Session, Recording, None);
        await tracker.AfterStartAsync(Session, Recording, error: null, None);
        Assert.Equal(2, cache.Count);
        await tracker.AfterStopAsync(Session, LeakKind.Recording, new CallOutcome<StopRecordingResult>(new StopRecordingResult([]), null), None);
        await tracker.AfterStopAsync(Session, LeakKind.Push, Stopped, None);

        Assert.Equal(0, ledger.Reads);
        Assert.Equal(6, ledger.Writes);
        Assert.Equal(0, ledger.Refused);
        Assert.Equal(0, cache.Count);
        Assert.All(await store.ListBySessionAsync(Session, None), e => Assert.Equal(LeakState.Stopped, e.State));
    }

    [Fact]
    public async Task EntryChangedBehindTheCache_OneRefusedWrite_OneRead_KeepsTheOtherWritersChange()
    {
        await tracker.BeforeStartAsync(Session, Push, None);
        await tracker.AfterStartAsync(Session, Push, error: null, None);
        var stored = (await store.GetAsync(Session, LeakKind.Push, None))!;
        var note = new LeakAction(clock.GetUtcNow(), null, null, null, "written by another host");
        Assert.NotNull(await store.TryWriteAsync(stored.WithAction(note), None));

        await tracker.AfterStopAsync(Session, LeakKind.Push, Stopped, None);

        Assert.Equal(1, ledger.Refused);
        Assert.Equal(1, ledger.Reads);
        var entry = (await store.GetAsync(Session, LeakKind.Push, None))!;
        Assert.Equal(LeakState.Stopped, entry.State);
        Assert.Equal(LeakEvidence.Started, entry.Evidence);
        Assert.Equal(note, Assert.Single(entry.Actions));
        Assert.Equal(4, entry.Version);
    }

    [Fact]
    public async Task StopAfterARestart_NothingRemembered_ReadsAndClosesTheEntry()
    {
        await tracker.BeforeStartAsync(Session, Push, None);
        await tracker.AfterStartAsync(Session, Push, error: null, None);

        var restarted = new LeakEntryCache(Options.Create(new LeakSweeperOptions()), clock);
        await Tracker(restarted).AfterStopAsync(Session, LeakKind.Push, Stopped, None);

        Assert.Equal(1, ledger.Reads);
        Assert.Equal(0, ledger.Refused);
        Assert.Equal(LeakState.Stopped, (await store.GetAsync(Session, LeakKind.Push, None))!.State);
        Assert.Equal(0, restarted.Count);
    }

    [Fact]
    public async Task StartRefusedAfterARestart_NothingRemembered_ReadsAndClosesTheEntry()
    {
        await tracker.BeforeStartAsync(Session, Push, None);

        await Tracker(new LeakEntryCache(Options.Create(new LeakSweeperOptions()), clock)).AfterStartAsync(Session, Push, Refused, None);

        Assert.Equal(1, ledger.Reads);
        Assert.Equal(LeakState.NotStarted, (await store.GetAsync(Session, LeakKind.Push, None))!.State);
    }

    [Fact]
    public async Task BeforeStartAfterARestart_EntryOnDisk_RefusedInsertThenKeepsItsEvidence()
    {
        await tracker.BeforeStartAsync(Session, Push, None);
        await tracker.AfterStartAsync(Session, Push, Lost, None);

        await Tracker(new LeakEntryCache(Options.Create(new LeakSweeperOptions()), clock)).BeforeStartAsync(Session, Push, None);

        Assert.Equal(1, ledger.Refused);
        Assert.Equal(1, ledger.Reads);
        var entry = (await store.GetAsync(Session, LeakKind.Push, None))!;
        Assert.Equal(LeakState.Open, entry.State);
        Assert.Equal(LeakEvidence.MaybeStarted, entry.Evidence);
    }

    [Fact]
    public async Task StartAnsweredAfterARestart_EntryStillOpen_IsNotLoggedAsReopened()
    {
        await tracker.BeforeStartAsync(Session, Push, None);

        await Tracker(new LeakEntryCache(Options.Create(new LeakSweeperOptions()), clock)).AfterStartAsync(Session, Push, error: null, None);

        Assert.Equal(LeakEvidence.Started, (await store.GetAsync(Session, LeakKind.Push, None))!.Evidence);
        Assert.DoesNotContain(logger.Collector.GetSnapshot(), r => r.Id.Id == 3403);
    }

    [Fact]
    public async Task StartAnsweredAfterTheEntryWasClosedElsewhere_IsLoggedAsReopenedOnce()
    {
        await tracker.BeforeStartAsync(Session, Push, None);
        var open = (await store.GetAsync(Session, LeakKind.Push, None))!;
        Assert.NotNull(await store.TryWriteAsync(LeakTracker.Close(open, LeakState.Stopped, "swept", clock.GetUtcNow()), None));

        await tracker.AfterStartAsync(Session, Push, error: null, None);

        Assert.Equal(LeakState.Open, (await store.GetAsync(Session, LeakKind.Push, None))!.State);
        Assert.Single(logger.Collector.GetSnapshot(), r => r.Id.Id == 3403);
    }

    [Fact]
    public async Task RememberedLongerThanHalfTheRetention_IsReadAgain()
    {
        await tracker.BeforeStartAsync(Session, Push, None);
        clock.Advance(new LeakSweeperOptions().Retention / 2);

        await tracker.AfterStopAsync(Session, LeakKind.Push, Stopped, None);

        Assert.Equal(1, ledger.Reads);
        Assert.Equal(0, ledger.Refused);
        Assert.Equal(LeakState.Stopped, (await store.GetAsync(Session, LeakKind.Push, None))!.State);
    }

    [Fact]
    public async Task ManyOpenEntries_KeepsOnlyTheCapacity_AndAForgottenOneStillCloses()
    {
        var small = new LeakEntryCache(TimeSpan.FromDays(1), capacity: 3, clock);
        var bounded = Tracker(small);
        for (var i = 0; i < 10; i++)
        {
            await bounded.BeforeStartAsync($"{Session}{i}", Push, None);
        }

        Assert.Equal(3, small.Count);
        Assert.Equal(0, ledger.Reads);

        await bounded.AfterStopAsync($"{Session}0", LeakKind.Push, Stopped, None);
        await bounded.AfterStopAsync($"{Session}9", LeakKind.Push, Stopped, None);

        Assert.Equal(1, ledger.Reads);
        Assert.Equal(LeakState.Stopped, (await store.GetAsync($"{Session}0", LeakKind.Push, None))!.State);
        Assert.Equal(LeakState.Stopped, (await store.GetAsync($"{Session}9", LeakKind.Push, None))!.State);
        // Session 0's read pushed out session 7; both closed ones are forgotten: session 8 is left.
        Assert.Equal(1, small.Count);
    }

    [Fact]
    public async Task ThousandsOfSessionsStartedAndStopped_LeaveNothingRemembered()
    {
        for (var i = 0; i < 2000; i++)
        {
            var session = $"{Session}{i}";
            await tracker.BeforeStartAsync(session, Push, None);
            await tracker.AfterStartAsync(session, Push, error: null, None);
            await tracker.AfterStopAsync(session, LeakKind.Push, Stopped, None);
        }

        Assert.Equal(0, cache.Count);
        Assert.Equal(0, ledger.Reads);
        Assert.Equal(0, await store.CountOpenAsync(None));
    }

    private LeakTracker Tracker(LeakEntryCache withCache) => new(ledger, withCache, clock, logger);
}

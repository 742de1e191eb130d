using Broadcast.Ilvb;
using Broadcast.Ilvb.Simulator;
using Broadcast.Sessions;
using Broadcast.Sessions.Tests;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Broadcast.Ledger.Sqlite.Tests;

/// <summary>
/// The tracker and the sweeper write over the entry this process remembers instead of reading it, on a real SQLite
/// file: what another host or a restart leaves behind is caught by the version guard and read.
/// </summary>
public sealed class LeakEntryCacheTests : IDisposable
{
    private const string Session = "r6:uanchor:k";
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly StartPushRequest Push = new() { Target = new StreamTarget(6, "anchor"), ChannelName = "c", Tape = true };
    private static readonly CallOutcome<NoPayload> Stopped = new(NoPayload.Value, null);
    private readonly TempFolder folder = new();
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task StartStopCycle_NothingElseWrote_ReadsNothing()
    {
        using var sqlite = Ledger();
        var ledger = new CountingLeakLedger(sqlite);
        var cache = Cache();
        var tracker = Tracker(ledger, cache);

        await tracker.BeforeStartAsync(Session, Push, None);
        await tracker.AfterStartAsync(Session, Push, error: null, None);
        await tracker.AfterStopAsync(Session, LeakKind.Push, Stopped, None);

        Assert.Equal(0, ledger.Reads);
        Assert.Equal(3, ledger.Writes);
        Assert.Equal(0, ledger.Refused);
        Assert.Equal(0, cache.Count);
        var entry = (await sqlite.GetAsync(Session, LeakKind.Push, None))!;
        Assert.Equal(LeakState.Stopped, entry.State);
        Assert.Equal(LeakEvidence.Started, entry.Evidence);
    }

    [Fact]
    public async Task StopAfterARestart_EntryOnDisk_IsReadAndClosed()
    {
        using (var before = Ledger())
        {
            var tracker = Tracker(before, Cache());
            await tracker.BeforeStartAsync(Session, Push, None);
            await tracker.AfterStartAsync(Session, Push, error: null, None);
        }

        using var sqlite = Ledger();
        var ledger = new CountingLeakLedger(sqlite);
        await Tracker(ledger, Cache()).AfterStopAsync(Session, LeakKind.Push, Stopped, None);

        Assert.Equal(1, ledger.Reads);
        Assert.Equal(0, ledger.Refused);
        Assert.Equal(LeakState.Stopped, (await sqlite.GetAsync(Session, LeakKind.Push, None))!.State);
        Assert.Equal(0, await sqlite.CountOpenAsync(None));
    }

    [Fact]
    public async Task EntryWrittenByAnotherHost_OneRefusedWrite_OneRead_BothChangesKept()
    {
        using var sqlite = Ledger();
        using var otherHost = Ledger();
        var ledger = new CountingLeakLedger(sqlite);
        var tracker = Tracker(ledger, Cache());
        await tracker.BeforeStartAsync(Session, Push, None);
        await tracker.AfterStartAsync(Session, Push, error: null, None);
        var seen = (await otherHost.GetAsync(Session, LeakKind.Push, None))!;
        var note = new LeakAction(clock.GetUtcNow(), null, null, null, "noted by another host");
        Assert.NotNull(await otherHost.TryWriteAsync(seen.WithAction(note), None));

        await tracker.AfterStopAsync(Session, LeakKind.Push, Stopped, None);

        Assert.Equal(1, ledger.Refused);
        Assert.Equal(1, ledger.Reads);
        var entry = (await sqlite.GetAsync(Session, LeakKind.Push, None))!;
        Assert.Equal(LeakState.Stopped, entry.State);
        Assert.Equal(note, Assert.Single(entry.Actions));
    }

    [Fact]
    public async Task ClosedByAnotherHost_TheSessionsOwnStopFindsNothingToClose()
    {
        using var sqlite = Ledger();
        using var otherHost = Ledger();
        var ledger = new CountingLeakLedger(sqlite);
        var tracker = Tracker(ledger, Cache());
        await tracker.BeforeStartAsync(Session, Push, None);
        await Tracker(otherHost, Cache()).AfterStopAsync(Session, LeakKind.Push, Stopped, None);
        var closed = (await sqlite.GetAsync(Session, LeakKind.Push, None))!;

        await tracker.AfterStopAsync(Session, LeakKind.Push, Stopped, None);

        Assert.Equal(1, ledger.Refused);
        var entry = (await sqlite.GetAsync(Session, LeakKind.Push, None))!;
        Assert.Equal(LeakState.Stopped, entry.State);
        Assert.Equal(closed.Version, entry.Version);
        Assert.Equal(closed.ClosedAt, entry.ClosedAt);
    }

    [Fact]
    public async Task Sweep_TerminatedSession_ClosesTheEntriesTheActivitiesRemembered()
    {
        await using var simulator = await IlvbSimulator.StartAsync(new SimulatorOptions());
        await using var bed = await SweeperTestBed.StartAsync(folder, simulator);
        var cache = bed.Services.GetRequiredService<LeakEntryCache>();
        var session = await bed.StartLiveSessionAsync(simulator, Requests.Session(Requests.NewRoom(), "cached").WithRecording(RecordingMode.Separate));
        Assert.Equal(2, cache.Count);

        await bed.Client.TerminateInstanceAsync(session);
        await bed.WaitForEndAsync(session);
        var report = await bed.Sweeper.SweepAsync(None);

        Assert.Equal(2, report.Stopped);
        Assert.Equal(0, cache.Count);
        Assert.All(await bed.Ledger.ListBySessionAsync(session, None), e => Assert.Equal(LeakState.Stopped, e.State));
        Assert.Empty(simulator.State.ActivePushes);
        Assert.Empty(simulator.State.ActiveRecordings);
    }

    public void Dispose() => folder.Dispose();

    private SqliteLeakLedger Ledger() =>
        new(Options.Create(new SqliteLeakLedgerOptions { DatabasePath = folder.File("ledger.db") }));

    private LeakEntryCache Cache() => new(Options.Create(new LeakSweeperOptions()), clock);

    private LeakTracker Tracker(ILeakLedger ledger, LeakEntryCache cache) => new(ledger, cache, clock, NullLogger<LeakTracker>.Instance);
}

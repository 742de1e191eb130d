using Broadcast.Ilvb;
using Broadcast.Sessions;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Broadcast.Ledger.Sqlite.Tests;

/// <summary>What the start and stop activities write to the ledger, on a real SQLite file.</summary>
public sealed class LeakTrackerTests : IDisposable
{
    private const string Session = "r5:uanchor:k";
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly StartPushRequest Push = new() { Target = new StreamTarget(5, "anchor"), ChannelName = "c", Tape = true, Source = DataSource.Screen };
    private static readonly SessionError Refused = new(SessionActivities.StartPush, IlvbFailureKind.VendorCode, 40000411, IlvbErrorCategory.Fatal, "not in room");
    private static readonly SessionError Lost = new(SessionActivities.StartPush, IlvbFailureKind.Timeout, 0, IlvbErrorCategory.Transient, "timeout", OutcomeUnknown: true);
    private readonly TempFolder folder = new();
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));
    private readonly SqliteLeakLedger ledger;
    private readonly LeakTracker tracker;

    public LeakTrackerTests()
    {
        ledger = new SqliteLeakLedger(Options.Create(new SqliteLeakLedgerOptions { DatabasePath = folder.File("ledger.db") }));
        tracker = new LeakTracker(ledger, new LeakEntryCache(Options.Create(new LeakSweeperOptions()), clock), clock, NullLogger<LeakTracker>.Instance);
    }

    [Fact]
    public async Task BeforeStart_WritesAnOpenEntry_WithWhatTheStopNeeds()
    {
        await tracker.BeforeStartAsync(Session, Push, None);

        var entry = (await ledger.GetAsync(Session, LeakKind.Push, None))!;
        Assert.Equal(LeakState.Open, entry.State);
        Assert.Equal(LeakEvidence.Attempted, entry.Evidence);
        Assert.True(entry.Tape);
        Assert.Equal(clock.GetUtcNow(), entry.OpenedAt);
        Assert.Equal(new StopPushRequest { Target = Push.Target, Source = DataSource.Screen }, entry.ToStopPushRequest());
    }

    [Fact]
    public async Task StartRefused_ClosesTheEntryAsNotStarted()
    {
        await tracker.BeforeStartAsync(Session, Push, None);
        await tracker.AfterStartAsync(Session, Push, Refused, None);

        var entry = (await ledger.GetAsync(Session, LeakKind.Push, None))!;
        Assert.Equal(LeakState.NotStarted, entry.State);
        Assert.Contains("40000411", entry.CloseReason, StringComparison.Ordinal);
        Assert.Equal(0, await ledger.CountOpenAsync(None));
    }

    [Fact]
    public async Task StartAnswerLost_ThenARefusedRetry_KeepsTheEntryOpen()
    {
        await tracker.BeforeStartAsync(Session, Push, None);
        await tracker.AfterStartAsync(Session, Push, Lost, None);
        await tracker.BeforeStartAsync(Session, Push, None);
        await tracker.AfterStartAsync(Session, Push, Refused, None);

        var entry = (await ledger.GetAsync(Session, LeakKind.Push, None))!;
        Assert.Equal(LeakState.Open, entry.State);
        Assert.Equal(LeakEvidence.MaybeStarted, entry.Evidence);
    }

    [Fact]
    public async Task StartAnsweredAfterTheEntryWasClosed_OpensItAgain()
    {
        await tracker.BeforeStartAsync(Session, Push, None);
        var open = (await ledger.GetAsync(Session, LeakKind.Push, None))!;
        await ledger.TryWriteAsync(open with { State = LeakState.Stopped, ClosedAt = clock.GetUtcNow(), CloseReason = "swept" }, None);
        clock.Advance(TimeSpan.FromSeconds(3));

        await tracker.AfterStartAsync(Session, Push, error: null, None);

        var entry = (await ledger.GetAsync(Session, LeakKind.Push, None))!;
        Assert.Equal(LeakState.Open, entry.State);
        Assert.Equal(LeakEvidence.Started, entry.Evidence);
        Assert.Equal(clock.GetUtcNow(), entry.OpenedAt);
    }

    [Theory]
    [InlineData(0L, LeakState.Stopped)]
    [InlineData(40000412L, LeakState.Stopped)]
    [InlineData(40000207L, LeakState.Open)]
    [InlineData(1001L, LeakState.Open)]
    public async Task AfterStop_ClosesOnlyAConfirmedStop(long code, LeakState expected)
    {
        await tracker.BeforeStartAsync(Session, Push, None);
        await tracker.AfterStartAsync(Session, Push, error: null, None);
        var error = code == 0 ? null : SessionError.FromException(SessionActivities.StopPush, Catalogued(code));

        await tracker.AfterStopAsync(Session, LeakKind.Push, new CallOutcome<NoPayload>(code == 0 ? NoPayload.Value : null, error), None);

        Assert.Equal(expected, (await ledger.GetAsync(Session, LeakKind.Push, None))!.State);
    }

    public void Dispose() => folder.Dispose();

    private static IlvbException Catalogued(long code)
    {
        var entry = IlvbErrorCatalog.Default.Lookup(code);
        return new IlvbException(IlvbFailureKind.VendorCode, code, entry.Category, entry.Description, entry.Advice);
    }
}

using Broadcast.Sessions;
using Microsoft.Extensions.Options;
using static Broadcast.Sessions.Tests.TestLeakEntries;

namespace Broadcast.Ledger.AzureTables.Tests;

/// <summary>The Azure Table ledger against Azurite: the same contract as the SQLite one.</summary>
public sealed class TableLeakLedgerTests(AzuriteTables azurite) : IClassFixture<AzuriteTables>
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Write_WithTheVersionRead_Succeeds_AndAStaleVersionIsRefused()
    {
        var ledger = Open();
        var first = (await ledger.TryWriteAsync(Entry("r1:ua:k1", LeakKind.Push, T0), None))!;
        var second = (await ledger.TryWriteAsync(first with { Evidence = LeakEvidence.Started }, None))!;

        var stale = await ledger.TryWriteAsync(first with { State = LeakState.Stopped, ClosedAt = T0 }, None);
        var duplicate = await ledger.TryWriteAsync(Entry("r1:ua:k1", LeakKind.Push, T0), None);

        Assert.Equal((1, 2), (first.Version, second.Version));
        Assert.Null(stale);
        Assert.Null(duplicate);
        var stored = (await ledger.GetAsync("r1:ua:k1", LeakKind.Push, None))!;
        Assert.Equal((LeakEvidence.Started, LeakState.Open, 2L), (stored.Evidence, stored.State, stored.Version));
    }

    [Fact]
    public async Task AnEntryWithManyLongActions_IsStoredAndReadWhole()
    {
        var ledger = Open();
        var actions = Enumerable.Range(1, LeakEntry.MaxActions)
            .Select(i => new LeakAction(T0.AddSeconds(i), SessionActivities.StopPush, i, 40000207, new string('x', 600) + i, TimeSpan.FromSeconds(i)))
            .ToList();
        var entry = Entry("r2:ub:k", LeakKind.Recording, T0) with
        {
            LastError = new SessionError(SessionActivities.StopRecording, Ilvb.IlvbFailureKind.VendorCode, 30000208, Ilvb.IlvbErrorCategory.Transient, "busy"),
            Actions = actions,
        };

        await ledger.TryWriteAsync(entry, None);
        var read = (await Open().GetAsync("r2:ub:k", LeakKind.Recording, None))!;

        Assert.Equal(actions, read.Actions);
        Assert.Equal(entry with { Version = 1, Actions = read.Actions }, read);
    }

    [Fact]
    public async Task List_OpenOnlyByDefault_OldestFirst_CountAndDeleteClosed()
    {
        var ledger = Open();
        await ledger.TryWriteAsync(Entry("r3:u:new", LeakKind.Push, T0.AddMinutes(2)), None);
        await ledger.TryWriteAsync(Entry("r3:u:old", LeakKind.Push, T0), None);
        await ledger.TryWriteAsync(Entry("r3:u:old", LeakKind.Recording, T0), None);
        await ledger.TryWriteAsync(Entry("r3:u:closed", LeakKind.Push, T0) with { State = LeakState.Stopped, ClosedAt = T0 }, None);
        await ledger.TryWriteAsync(Entry("r3:u:recent", LeakKind.Push, T0) with { State = LeakState.NotStarted, ClosedAt = T0.AddDays(2) }, None);

        var open = await ledger.ListAsync(new LeakListQuery(), None);
        var count = await ledger.CountOpenAsync(None);
        var deleted = await ledger.DeleteClosedAsync(T0.AddDays(1), None);

        Assert.Equal(["r3:u:old Push", "r3:u:old Recording", "r3:u:new Push"], open.Select(e => $"{e.SessionId} {e.Kind}"));
        Assert.Equal(3, count);
        Assert.Equal(1, deleted);
        Assert.Equal(["r3:u:new", "r3:u:old", "r3:u:old", "r3:u:recent"],
            (await ledger.ListAsync(new LeakListQuery { IncludeClosed = true }, None)).Select(e => e.SessionId).Order(StringComparer.Ordinal));
        Assert.Equal(2, (await ledger.ListBySessionAsync("r3:u:old", None)).Count);
        Assert.Empty(await ledger.ListBySessionAsync("not/a#key", None));
    }

    [Fact]
    public Task List_After_GivesTheNextPage_InTheSameOrder() => Broadcast.Sessions.Tests.LeakLedgerPaging.AssertPagesFollowTheCursorAsync(Open());

    /// <summary>A table per test: the tests share one Azurite.</summary>
    private TableLeakLedger Open([System.Runtime.CompilerServices.CallerMemberName] string test = "")
    {
        var letters = string.Concat(test.Where(char.IsAsciiLetterOrDigit));
        return new(Options.Create(new TableLeakLedgerOptions
        {
            ConnectionString = azurite.ConnectionString,
            TableName = "Ledger" + letters[..Math.Min(50, letters.Length)],
        }));
    }
}

using Broadcast.Sessions;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using static Broadcast.Sessions.Tests.TestLeakEntries;

namespace Broadcast.Ledger.Sqlite.Tests;

/// <summary>The SQLite ledger on a real file: versions, queries, retention, and a file of its own.</summary>
public sealed class SqliteLeakLedgerTests : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);
    private readonly TempFolder folder = new();

    [Fact]
    public async Task Write_WithTheVersionRead_Succeeds_AndAStaleVersionIsRefused()
    {
        var ledger = Open();
        var first = (await ledger.TryWriteAsync(Entry("r1:ua:k1", LeakKind.Push, T0), None))!;
        var second = (await ledger.TryWriteAsync(first with { Evidence = LeakEvidence.Started }, None))!;

        var stale = await ledger.TryWriteAsync(first with { State = LeakState.Stopped, ClosedAt = T0 }, None);
        var duplicate = await ledger.TryWriteAsync(Entry("r1:ua:k1", LeakKind.Push, T0), None);

        Assert.Equal(1, first.Version);
        Assert.Equal(2, second.Version);
        Assert.Null(stale);
        Assert.Null(duplicate);
        var stored = (await ledger.GetAsync("r1:ua:k1", LeakKind.Push, None))!;
        Assert.Equal(LeakEvidence.Started, stored.Evidence);
        Assert.Equal(LeakState.Open, stored.State);
        Assert.Equal(2, stored.Version);
    }

    [Fact]
    public async Task Entries_SurviveANewLedgerOnTheSameFile_WithEveryField()
    {
        var action = new LeakAction(T0.AddMinutes(1), SessionActivities.StopPush, 1, 40000207, "retry", TimeSpan.FromSeconds(2));
        var entry = Entry("r2:ub:k", LeakKind.Recording, T0) with
        {
            Attempts = 1,
            FirstAttemptAt = T0.AddMinutes(1),
            NextAttemptAt = T0.AddMinutes(1).AddSeconds(2),
            LastError = new SessionError(SessionActivities.StopRecording, Ilvb.IlvbFailureKind.VendorCode, 30000208, Ilvb.IlvbErrorCategory.Transient, "busy"),
            Actions = [action],
        };
        await Open().TryWriteAsync(entry, None);
        SqliteConnection.ClearAllPools();

        var read = (await Open().GetAsync("r2:ub:k", LeakKind.Recording, None))!;

        Assert.Equal(entry with { Version = 1 }, read with { Actions = entry.Actions });
        Assert.Equal([action], read.Actions);
    }

    [Fact]
    public async Task List_OpenOnlyByDefault_OldestFirst_WithinTheLimit()
    {
        var ledger = Open();
        await ledger.TryWriteAsync(Entry("r3:u:new", LeakKind.Push, T0.AddMinutes(2)), None);
        await ledger.TryWriteAsync(Entry("r3:u:old", LeakKind.Push, T0), None);
        await ledger.TryWriteAsync(Entry("r3:u:closed", LeakKind.Push, T0.AddMinutes(1)) with { State = LeakState.Stopped, ClosedAt = T0 }, None);
        await ledger.TryWriteAsync(Entry("r3:u:old", LeakKind.Recording, T0), None);

        var open = await ledger.ListAsync(new LeakListQuery(), None);
        var all = await ledger.ListAsync(new LeakListQuery { IncludeClosed = true }, None);
        var two = await ledger.ListAsync(new LeakListQuery { Limit = 2 }, None);

        Assert.Equal(["r3:u:old Push", "r3:u:old Recording", "r3:u:new Push"], open.Select(e => $"{e.SessionId} {e.Kind}"));
        Assert.Equal(4, all.Count);
        Assert.Equal(2, two.Count);
        Assert.Equal(3, await ledger.CountOpenAsync(None));
        Assert.Equal(2, (await ledger.ListBySessionAsync("r3:u:old", None)).Count);
    }

    [Fact]
    public Task List_After_GivesTheNextPage_InTheSameOrder() => Broadcast.Sessions.Tests.LeakLedgerPaging.AssertPagesFollowTheCursorAsync(Open());

    [Fact]
    public async Task DeleteClosed_RemovesOnlyClosedEntriesOlderThanTheCut()
    {
        var ledger = Open();
        await ledger.TryWriteAsync(Entry("r4:u:old", LeakKind.Push, T0) with { State = LeakState.Stopped, ClosedAt = T0 }, None);
        await ledger.TryWriteAsync(Entry("r4:u:recent", LeakKind.Push, T0) with { State = LeakState.NotStarted, ClosedAt = T0.AddDays(2) }, None);
        await ledger.TryWriteAsync(Entry("r4:u:open", LeakKind.Push, T0.AddDays(-30)), None);
        await ledger.TryWriteAsync(Entry("r4:u:givenup", LeakKind.Push, T0.AddDays(-30)) with { State = LeakState.GivenUp }, None);

        var deleted = await ledger.DeleteClosedAsync(T0.AddDays(1), None);

        Assert.Equal(1, deleted);
        Assert.Null(await ledger.GetAsync("r4:u:old", LeakKind.Push, None));
        Assert.Equal(3, (await ledger.ListAsync(new LeakListQuery { IncludeClosed = true }, None)).Count);
    }

    [Fact]
    public async Task ConcurrentWrites_ShareCommits_AndEachIsStoredWhenItsWriteReturns()
    {
        using var ledger = Open();
        await ledger.CountOpenAsync(None);

        var writes = Enumerable.Range(0, 200).Select(i => ledger.TryWriteAsync(Entry($"r5:u:{i}", LeakKind.Push, T0), None)).ToArray();
        var written = await Task.WhenAll(writes);

        Assert.All(written, entry => Assert.Equal(1, entry?.Version));
        Assert.Equal(200, await ledger.CountOpenAsync(None));
        Assert.InRange(ledger.Commits, 1, 199);
    }

    [Fact]
    public async Task ConcurrentInserts_OfOneEntry_OnlyOneWins()
    {
        using var ledger = Open();

        var writes = Enumerable.Range(0, 20).Select(_ => ledger.TryWriteAsync(Entry("r6:u:k", LeakKind.Recording, T0), None)).ToArray();
        var written = await Task.WhenAll(writes);

        Assert.Single(written, entry => entry is not null);
        Assert.Equal(1, (await ledger.GetAsync("r6:u:k", LeakKind.Recording, None))?.Version);
    }

    [Fact]
    public async Task Dispose_CommitsQueuedWrites_AndRefusesLaterOnes()
    {
        var ledger = Open();
        var queued = ledger.TryWriteAsync(Entry("r7:u:k", LeakKind.Push, T0), None);
        ledger.Dispose();

        Assert.NotNull(await queued);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => ledger.TryWriteAsync(Entry("r7:u:other", LeakKind.Push, T0), None));
        using var reopened = Open();
        Assert.NotNull(await reopened.GetAsync("r7:u:k", LeakKind.Push, None));
    }

    [Fact]
    public async Task Ledger_OnAFileWithOtherTables_IsRefused_NamingTheSetting()
    {
        var path = folder.File("engine.db");
        using (var connection = new SqliteConnection($"Data Source={path}"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE instances (id TEXT);";
            command.ExecuteNonQuery();
        }

        var ledger = new SqliteLeakLedger(Options.Create(new SqliteLeakLedgerOptions { DatabasePath = path }));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => ledger.CountOpenAsync(None));
        Assert.Contains("Ledger:DatabasePath", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_WithoutAPath_FailValidation_NamingTheSetting()
    {
        var result = new SqliteLeakLedgerOptionsValidator().Validate(null, new SqliteLeakLedgerOptions());

        Assert.True(result.Failed);
        Assert.Contains("Ledger:DatabasePath", result.FailureMessage, StringComparison.Ordinal);
    }

    public void Dispose() => folder.Dispose();

    private SqliteLeakLedger Open() =>
        new(Options.Create(new SqliteLeakLedgerOptions { DatabasePath = folder.File(Path.Combine("data", "ledger.db")) }));
}

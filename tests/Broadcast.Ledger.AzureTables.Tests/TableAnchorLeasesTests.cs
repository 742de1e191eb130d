using Azure.Data.Tables;
using Broadcast.Ilvb;
using Broadcast.Sessions;
using Broadcast.Sessions.Tests;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Broadcast.Ledger.AzureTables.Tests;

/// <summary>
/// The anchors' leases against Azurite. Each <see cref="Instance"/> plays one instance of a host: its own in-process
/// locks, its own clock (a fake one, so renewals and expiry happen when a test says) and its own logs.
/// </summary>
public sealed class TableAnchorLeasesTests(AzuriteTables azurite) : IClassFixture<AzuriteTables>
{
    private static readonly TimeSpan Duration = TimeSpan.FromMinutes(1);
    private static readonly DateTimeOffset T0 = new(2026, 12, 4, 8, 0, 0, TimeSpan.Zero);
    private static readonly StreamTarget Anchor = new(4242, "anchor-1");
    private readonly string tableName = "Leases" + Guid.NewGuid().ToString("N")[..12];

    [Fact]
    public async Task AnotherInstance_WaitsWhileTheLeaseIsHeld_AndTakesItOnceReleased()
    {
        using var a = Open();
        using var b = Open();
        var held = await a.Leases.AcquireAsync(Anchor, CancellationToken.None);

        var waiting = b.Leases.AcquireAsync(Anchor, CancellationToken.None);
        await Poll.UntilAsync(() => Task.FromResult(b.Leases.Waits), waits => waits >= 1, "the second instance to find the lease held");

        Assert.False(waiting.IsCompleted);
        Assert.NotNull(await ReadAsync(Anchor));
        await held.DisposeAsync();
        var taken = await UntilDoneAsync(waiting, b.Clock);

        Assert.NotNull(await ReadAsync(Anchor));
        await taken.DisposeAsync();
        Assert.Null(await ReadAsync(Anchor));
        Assert.Equal(0, a.InProcess.Count + b.InProcess.Count);
    }

    [Fact]
    public async Task OtherAnchors_AreNotHeldUp()
    {
        using var a = Open();
        using var b = Open();
        await using var held = await a.Leases.AcquireAsync(Anchor, CancellationToken.None);

        await using var sameRoom = await b.Leases.AcquireAsync(Anchor with { UserId = "anchor-2" }, CancellationToken.None);
        await using var otherRoom = await b.Leases.AcquireAsync(Anchor with { RoomId = 4243 }, CancellationToken.None);

        Assert.Equal(0, b.Leases.Waits);
    }

    [Fact]
    public async Task ALeaseWhoseHolderDied_IsTakenOverOnceExpired_AndTheDeadHoldersReleaseLeavesItAlone()
    {
        using var dead = Open();
        using var b = Open();
        var abandoned = await dead.Leases.AcquireAsync(Anchor, CancellationToken.None);

        var waiting = b.Leases.AcquireAsync(Anchor, CancellationToken.None);
        await Poll.UntilAsync(() => Task.FromResult(b.Leases.Waits), waits => waits >= 1, "the lease to be found held");
        Assert.False(waiting.IsCompleted);
        b.Clock.Advance(Duration);
        var taken = await UntilDoneAsync(waiting, b.Clock);

        Assert.Contains(b.Logs.Collector.GetSnapshot(), log => log.Id.Id == 3601);
        var takenOver = (await ReadAsync(Anchor))!;
        Assert.InRange(takenOver.GetDateTimeOffset("ExpiresAt")!.Value, T0 + Duration + Duration, b.Clock.GetUtcNow() + Duration);

        // The old holder comes back and releases: the lease is no longer its own, so it stays.
        await abandoned.DisposeAsync();
        Assert.Equal(takenOver.GetString("Holder"), (await ReadAsync(Anchor))!.GetString("Holder"));
        Assert.Equal(0, dead.InProcess.Count);
        await taken.DisposeAsync();
        Assert.Null(await ReadAsync(Anchor));
    }

    [Fact]
    public async Task AHeldLease_IsRenewedEveryThirdOfItsDuration_SoItDoesNotExpire()
    {
        using var a = Open();
        using var b = Open();
        await using var held = await a.Leases.AcquireAsync(Anchor, CancellationToken.None);
        Assert.Equal(T0 + Duration, (await ReadAsync(Anchor))!.GetDateTimeOffset("ExpiresAt"));

        a.Clock.Advance(Duration / 3);
        await Poll.UntilAsync(async () => (await ReadAsync(Anchor))!.GetDateTimeOffset("ExpiresAt"), at => at == T0 + (Duration / 3) + Duration, "the renewal");

        // Past the first expiry but not the renewed one: another instance still waits.
        b.Clock.Advance(Duration + TimeSpan.FromSeconds(1));
        var waiting = b.Leases.AcquireAsync(Anchor, CancellationToken.None);
        await Poll.UntilAsync(() => Task.FromResult(b.Leases.Waits), waits => waits >= 1, "the renewed lease to be found held");
        Assert.False(waiting.IsCompleted);
        await held.DisposeAsync();
        await (await UntilDoneAsync(waiting, b.Clock)).DisposeAsync();
    }

    [Fact]
    public async Task ALeaseTakenWhileHeld_IsReportedAtTheNextRenewal()
    {
        using var a = Open();
        await using var held = await a.Leases.AcquireAsync(Anchor, CancellationToken.None);
        var (partition, row) = TableAnchorLeases.KeyOf(Anchor);
        await Table().UpdateEntityAsync(new TableEntity(partition, row) { ["Holder"] = "someone-else", ["ExpiresAt"] = T0.AddHours(1) }, Azure.ETag.All, TableUpdateMode.Replace);

        a.Clock.Advance(Duration / 3);
        await Poll.UntilAsync(() => Task.FromResult(a.Logs.Collector.GetSnapshot()), logs => logs.Any(log => log.Id.Id == 3602), "the lost lease's error");

        await held.DisposeAsync();
        Assert.Equal("someone-else", (await ReadAsync(Anchor))!.GetString("Holder"));
    }

    [Fact]
    public async Task AWaitingAcquire_EndsWithItsCancellation_AndHoldsNothing()
    {
        using var a = Open();
        using var b = Open();
        await using var held = await a.Leases.AcquireAsync(Anchor, CancellationToken.None);
        using var cancel = new CancellationTokenSource();

        var waiting = b.Leases.AcquireAsync(Anchor, cancel.Token);
        await Poll.UntilAsync(() => Task.FromResult(b.Leases.Waits), waits => waits >= 1, "the lease to be found held");
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Assert.Equal(0, b.InProcess.UsersOf(Anchor));
    }

    [Fact]
    public async Task AUserIdNoTableKeyMayHold_IsLeasedUnderAnEncodedKey()
    {
        using var a = Open();
        var odd = new StreamTarget(7, "a/b\\c#d?e\u0001é");

        var held = await a.Leases.AcquireAsync(odd, CancellationToken.None);
        Assert.NotNull(await ReadAsync(odd));
        await held.DisposeAsync();
        await held.DisposeAsync();

        Assert.Null(await ReadAsync(odd));
    }

    [Fact]
    public void AddTableAnchorLeases_ReplacesTheOneProcessLocks_EvenWhenTheSessionsAreAddedAfter()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddTableLeakLedger(configure: o => o.ConnectionString = azurite.ConnectionString);
        services.AddTableAnchorLeases();
        services.AddBroadcastSessions(new ConfigurationBuilder().Build());
        using var provider = services.BuildServiceProvider();

        Assert.IsType<TableAnchorLeases>(provider.GetRequiredService<IAnchorLocks>());
        Assert.Same(provider.GetRequiredService<AnchorStreamLocks>(), provider.GetRequiredService<AnchorStreamLocks>());
    }

    private static async Task<IAsyncDisposable> UntilDoneAsync(Task<IAsyncDisposable> acquire, FakeTimeProvider clock)
    {
        // The waiter's backoff runs on its fake clock: move it on until the acquire has gone through.
        await Poll.UntilAsync(() =>
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            return Task.FromResult(acquire.IsCompleted);
        }, done => done, "the waiting acquire to take the lease");
        return await acquire;
    }

    private Instance Open() => new(azurite.ConnectionString, tableName);

    private TableClient Table() => new(azurite.ConnectionString, tableName);

    private async Task<TableEntity?> ReadAsync(StreamTarget anchor)
    {
        var (partition, row) = TableAnchorLeases.KeyOf(anchor);
        var found = await Table().GetEntityIfExistsAsync<TableEntity>(partition, row);
        return found.HasValue ? found.Value : null;
    }

    private sealed class Instance : IDisposable
    {
        public Instance(string connectionString, string tableName)
        {
            var options = Options.Create(new TableLeakLedgerOptions { ConnectionString = connectionString, LeaseTableName = tableName, LeaseDuration = Duration });
            Leases = new TableAnchorLeases(options, InProcess, Clock, Logs);
        }

        public FakeTimeProvider Clock { get; } = new(T0);

        public AnchorStreamLocks InProcess { get; } = new();

        public FakeLogger<TableAnchorLeases> Logs { get; } = new();

        public TableAnchorLeases Leases { get; }

        public void Dispose() => Leases.Dispose();
    }
}

using System.Buffers.Text;
using System.Globalization;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Broadcast.Ilvb;
using Broadcast.Sessions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Broadcast.Ledger.AzureTables;

/// <summary>
/// The anchors' stream locks shared by every instance of a host on one storage account: a lock is a lease, an entity
/// per anchor that only one holder can insert. A holder renews it every third of <see cref="TableLeakLedgerOptions.LeaseDuration"/>
/// and deletes it on release; a lease whose holder died expires after that duration and is then taken over (only if
/// still unchanged since read, so two waiters cannot both take it). Contenders in one instance queue in memory first.
/// </summary>
/// <remarks>
/// Expiry compares the holder's clock with the waiter's, so the lease duration must be far above the instances' clock skew.
/// </remarks>
public sealed class TableAnchorLeases : IAnchorLocks, IDisposable
{
    private const string HolderColumn = "Holder";
    private const string ExpiresAtColumn = "ExpiresAt";
    private static readonly TimeSpan FirstWait = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan LongestWait = TimeSpan.FromSeconds(1);

    private readonly CreatedTable table;
    private readonly AnchorStreamLocks inProcess;
    private readonly TimeSpan duration;
    private readonly TimeProvider clock;
    private readonly ILogger logger;
    private long waits;

    /// <summary>Creates the leases; their table is created on first use.</summary>
    public TableAnchorLeases(IOptions<TableLeakLedgerOptions> options, AnchorStreamLocks inProcess, TimeProvider clock, ILogger<TableAnchorLeases> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(inProcess);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(logger);
        table = new CreatedTable(TableServiceClients.Create(options.Value).GetTableClient(options.Value.LeaseTableName));
        duration = options.Value.LeaseDuration;
        this.inProcess = inProcess;
        this.clock = clock;
        this.logger = logger;
    }

    /// <summary>How many times an acquire found the lease held by another and waited before trying again.</summary>
    internal long Waits => Interlocked.Read(ref waits);

    /// <inheritdoc />
    public async Task<IAsyncDisposable> AcquireAsync(StreamTarget anchor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(anchor);
        // One contender of this instance at a time asks the table; the others wait here without a request.
        var local = await inProcess.AcquireAsync(anchor, cancellationToken);
        try
        {
            var client = await table.GetAsync(cancellationToken);
            var key = KeyOf(anchor);
            var holder = Guid.NewGuid().ToString("N");
            var etag = await TakeAsync(client, anchor, key, holder, cancellationToken);
            return new Lease(this, client, anchor, key, holder, etag, local);
        }
        catch
        {
            local.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public void Dispose() => table.Dispose();

    /// <summary>The entity's keys: the room, and the user id in base64url (a user id may hold characters no key may).</summary>
    internal static (string Partition, string Row) KeyOf(StreamTarget anchor) =>
        (anchor.RoomId.ToString(CultureInfo.InvariantCulture), Base64Url.EncodeToString(Encoding.UTF8.GetBytes(anchor.UserId)));

    private TableEntity NewLease((string Partition, string Row) key, string holder) => new(key.Partition, key.Row)
    {
        [HolderColumn] = holder,
        [ExpiresAtColumn] = clock.GetUtcNow() + duration,
    };

    private async Task<ETag> TakeAsync(TableClient client, StreamTarget anchor, (string Partition, string Row) key, string holder, CancellationToken cancellationToken)
    {
        var wait = FirstWait;
        while (true)
        {
            var lease = NewLease(key, holder);
            try
            {
                return ETagOf(await client.AddEntityAsync(lease, cancellationToken));
            }
            catch (RequestFailedException e) when (e.Status == 409)
            {
                // Held, or left behind by a holder that died: read which.
            }

            var found = await client.GetEntityIfExistsAsync<TableEntity>(key.Partition, key.Row, cancellationToken: cancellationToken);
            if (!found.HasValue)
            {
                continue; // released since the insert was refused
            }

            var held = found.Value!;
            var expiresAt = held.GetDateTimeOffset(ExpiresAtColumn);
            if (expiresAt is null || expiresAt <= clock.GetUtcNow())
            {
                try
                {
                    var taken = ETagOf(await client.UpdateEntityAsync(lease, held.ETag, TableUpdateMode.Replace, cancellationToken));
                    Log.ExpiredLeaseTaken(logger, anchor.RoomId, anchor.UserId, expiresAt);
                    return taken;
                }
                catch (RequestFailedException e) when (e.Status is 404 or 412)
                {
                    continue; // another waiter took it, or it was released: try again at once
                }
            }

            Interlocked.Increment(ref waits);
            await Task.Delay(wait, clock, cancellationToken);
            wait = TimeSpan.FromTicks(Math.Min(wait.Ticks * 2, LongestWait.Ticks));
        }
    }

    private static ETag ETagOf(Response response) =>
        response.Headers.ETag ?? throw new InvalidOperationException("The table service answered a lease write without an ETag.");

    /// <summary>One held lease: renewed in the background until released.</summary>
    private sealed class Lease : IAsyncDisposable
    {
        private readonly TableAnchorLeases owner;
        private readonly TableClient client;
        private readonly StreamTarget anchor;
        private readonly (string Partition, string Row) key;
        private readonly string holder;
        private readonly IDisposable local;
        private readonly CancellationTokenSource stop = new();
        private readonly Task renewing;
        private ETag etag;
        private int released;

        public Lease(TableAnchorLeases owner, TableClient client, StreamTarget anchor, (string, string) key, string holder, ETag etag, IDisposable local)
        {
            this.owner = owner;
            this.client = client;
            this.anchor = anchor;
            this.key = key;
            this.holder = holder;
            this.etag = etag;
            this.local = local;
            renewing = RenewAsync(stop.Token);
        }

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref released, 1) != 0)
            {
                return;
            }

            try
            {
                await stop.CancelAsync();
                await renewing;
                await DeleteAsync();
            }
#pragma warning disable CA1031 // A release must not fail the call it guarded; the lease expires on its own.
            catch (Exception e)
#pragma warning restore CA1031
            {
                Log.LeaseReleaseFailed(owner.logger, anchor.RoomId, anchor.UserId, owner.duration, e);
            }
            finally
            {
                local.Dispose();
                stop.Dispose();
            }
        }

        private async Task RenewAsync(CancellationToken cancellationToken)
        {
            var every = owner.duration / 3;
            while (true)
            {
                try
                {
                    await Task.Delay(every, owner.clock, cancellationToken);
                    etag = ETagOf(await client.UpdateEntityAsync(owner.NewLease(key, holder), etag, TableUpdateMode.Replace, cancellationToken));
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    return;
                }
                catch (RequestFailedException e) when (e.Status is 404 or 412)
                {
                    Log.LeaseLost(owner.logger, anchor.RoomId, anchor.UserId);
                    return;
                }
#pragma warning disable CA1031 // A failed renewal is tried again at the next period; the lease lasts a full duration from the last one.
                catch (Exception e)
#pragma warning restore CA1031
                {
                    Log.LeaseRenewalFailed(owner.logger, anchor.RoomId, anchor.UserId, e);
                }
            }
        }

        private async Task DeleteAsync()
        {
            try
            {
                await client.DeleteEntityAsync(key.Partition, key.Row, etag, CancellationToken.None);
            }
            catch (RequestFailedException e) when (e.Status == 412)
            {
                // A renewal cut off by the release may have landed after all: delete the lease if it is still this one.
                var found = await client.GetEntityIfExistsAsync<TableEntity>(key.Partition, key.Row, cancellationToken: CancellationToken.None);
                if (found.HasValue && found.Value!.GetString(HolderColumn) == holder)
                {
                    await client.DeleteEntityAsync(key.Partition, key.Row, found.Value.ETag, CancellationToken.None);
                }
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                // Taken over after it expired, and released since.
            }
        }
    }
}

using Azure;
using Azure.Data.Tables;
using Broadcast.Sessions;
using Microsoft.Extensions.Options;

namespace Broadcast.Ledger.AzureTables;

/// <summary>
/// The leak ledger on an Azure Storage table, for hosts without a local disk of their own (the Functions app).
/// A write replaces the entity only if it still has the version (and ETag) read. Queries over open entries read
/// the whole filtered table: the ledger holds what may run plus the closed entries of the retention.
/// </summary>
public sealed class TableLeakLedger : ILeakLedger, IDisposable
{
    private const string OpenFilter = "IsOpen eq true";
    private readonly CreatedTable created;

    /// <summary>Creates the ledger; the table is created on first use.</summary>
    public TableLeakLedger(IOptions<TableLeakLedgerOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        created = new CreatedTable(TableServiceClients.Create(options.Value).GetTableClient(options.Value.TableName));
    }

    /// <inheritdoc />
    public async Task<LeakEntry?> GetAsync(string sessionId, LeakKind kind, CancellationToken cancellationToken)
    {
        if (!LedgerEntities.IsValidKey(sessionId))
        {
            return null;
        }

        var table = await created.GetAsync(cancellationToken);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(sessionId, kind.ToString(), cancellationToken: cancellationToken);
        return found.HasValue ? LedgerEntities.FromEntity(found.Value!) : null;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<LeakEntry>> ListBySessionAsync(string sessionId, CancellationToken cancellationToken)
    {
        if (!LedgerEntities.IsValidKey(sessionId))
        {
            return [];
        }

        var entries = await QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {sessionId}"), cancellationToken);
        return [.. entries.OrderBy(e => e.Kind)];
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<LeakEntry>> ListAsync(LeakListQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Limit, 1, nameof(query));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(query.Limit, LeakListQuery.MaxLimit, nameof(query));
        // The table's order is by key, not by opening time: the service filters what it can, the rest is sorted here.
        var filters = new List<string>(2);
        if (!query.IncludeClosed)
        {
            filters.Add(OpenFilter);
        }

        if (query.After is { } after)
        {
            filters.Add(TableClient.CreateQueryFilter($"OpenedAt ge {after.OpenedAt}"));
        }

        var entries = await QueryAsync(filters.Count == 0 ? null : string.Join(" and ", filters), cancellationToken);
        return [.. entries.Where(query.IsAfterCursor).Order(Comparer<LeakEntry>.Create(LeakListQuery.Compare)).Take(query.Limit)];
    }

    /// <inheritdoc />
    public async Task<int> CountOpenAsync(CancellationToken cancellationToken)
    {
        var table = await created.GetAsync(cancellationToken);
        var count = 0;
        await foreach (var _ in table.QueryAsync<TableEntity>(OpenFilter, select: ["PartitionKey"], cancellationToken: cancellationToken))
        {
            count++;
        }

        return count;
    }

    /// <inheritdoc />
    public async Task<LeakEntry?> TryWriteAsync(LeakEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (!LedgerEntities.IsValidKey(entry.SessionId))
        {
            throw new ArgumentException($"'{entry.SessionId}' cannot be a table key ('/', '\\', '#', '?' and control characters are not allowed).", nameof(entry));
        }

        var table = await created.GetAsync(cancellationToken);
        var next = entry.Version + 1;
        try
        {
            if (entry.Version == 0)
            {
                await table.AddEntityAsync(LedgerEntities.ToEntity(entry, next), cancellationToken);
                return entry with { Version = next };
            }

            var stored = await table.GetEntityIfExistsAsync<TableEntity>(entry.SessionId, entry.Kind.ToString(), cancellationToken: cancellationToken);
            if (!stored.HasValue || LedgerEntities.VersionOf(stored.Value!) != entry.Version)
            {
                return null;
            }

            await table.UpdateEntityAsync(LedgerEntities.ToEntity(entry, next), stored.Value!.ETag, TableUpdateMode.Replace, cancellationToken);
            return entry with { Version = next };
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412 or 404)
        {
            // 409: inserted by someone else first; 412: changed since it was read; 404: deleted since.
            return null;
        }
    }

    /// <inheritdoc />
    public async Task<int> DeleteClosedAsync(DateTimeOffset closedBefore, CancellationToken cancellationToken)
    {
        var table = await created.GetAsync(cancellationToken);
        var deleted = 0;
        var filter = TableClient.CreateQueryFilter($"IsOpen eq false and ClosedAt lt {closedBefore}");
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            try
            {
                await table.DeleteEntityAsync(entity.PartitionKey, entity.RowKey, entity.ETag, cancellationToken);
                deleted++;
            }
            catch (RequestFailedException e) when (e.Status is 404 or 412)
            {
                // Gone already, or re-opened since it was read: either way not ours to delete.
            }
        }

        return deleted;
    }

    /// <inheritdoc />
    public void Dispose() => created.Dispose();

    private async Task<List<LeakEntry>> QueryAsync(string? filter, CancellationToken cancellationToken)
    {
        var table = await created.GetAsync(cancellationToken);
        var entries = new List<LeakEntry>();
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            entries.Add(LedgerEntities.FromEntity(entity));
        }

        return entries;
    }
}

using Azure.Data.Tables;

namespace Broadcast.Ledger.AzureTables;

/// <summary>A table that is created on first use; a failed create is tried again by the next use.</summary>
internal sealed class CreatedTable(TableClient table) : IDisposable
{
    private readonly SemaphoreSlim createGate = new(1, 1);
    private volatile bool created;

    public async ValueTask<TableClient> GetAsync(CancellationToken cancellationToken)
    {
        if (created)
        {
            return table;
        }

        await createGate.WaitAsync(cancellationToken);
        try
        {
            if (!created)
            {
                await table.CreateIfNotExistsAsync(cancellationToken);
                created = true;
            }
        }
        finally
        {
            createGate.Release();
        }

        return table;
    }

    public void Dispose() => createGate.Dispose();
}

using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Broadcast.Ledger.Sqlite;

/// <summary>
/// The ledger's one writer connection. Writes queue up while a commit is in flight and the next batch commits them
/// together in one transaction (group commit): one disk flush serves every writer that came in meanwhile, instead
/// of each opening a connection, waiting for the file's write lock and flushing alone. A write's task completes only
/// after its transaction committed, so a caller that awaited it knows the write is on disk.
/// </summary>
/// <remarks>
/// No thread of its own: the first write queued while nothing drains starts a drain on the thread pool, which runs
/// until the queue is empty. A batch that fails is retried write by write, so one bad write fails alone.
/// </remarks>
internal sealed class LedgerWriter : IDisposable
{
    private const int MaxBatch = 256;
    private readonly string connectionString;
    private readonly string synchronous;
    private readonly ILogger logger;
    private readonly Queue<Write> queue = new();
    // Prepared once per connection: the ledger runs a handful of distinct statements many times each.
    private readonly Dictionary<string, SqliteCommand> commands = new(StringComparer.Ordinal);
    private SqliteConnection? connection;
    private bool draining;
    private bool disposed;

    public LedgerWriter(string connectionString, bool durableCommits, ILogger logger)
    {
        this.connectionString = connectionString;
        synchronous = durableCommits ? "FULL" : "NORMAL";
        this.logger = logger;
    }

    /// <summary>Transactions committed so far.</summary>
    public long Commits { get; private set; }

    /// <summary>Queues one statement; completes with the rows it changed once its transaction committed.</summary>
    public Task<int> ExecuteAsync(string sql, IReadOnlyList<(string Name, object? Value)> parameters, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var write = new Write(sql, parameters);
        bool startDrain;
        lock (queue)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            queue.Enqueue(write);
            startDrain = !draining;
            draining = true;
        }

        if (startDrain)
        {
            _ = Task.Run(Drain, CancellationToken.None);
        }

        // The write may commit anyway once queued; a caller that stops waiting learns nothing about it, as with a
        // statement cancelled while it runs.
        return write.Completion.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Closes the connection once the queued writes are committed; later writes are refused.</summary>
    public void Dispose()
    {
        lock (queue)
        {
            disposed = true;
            if (draining)
            {
                return; // the drain closes the connection when it ends
            }
        }

        Close();
    }

    private void Drain()
    {
        var batch = new List<Write>(MaxBatch);
        while (true)
        {
            lock (queue)
            {
                while (batch.Count < MaxBatch && queue.TryDequeue(out var write))
                {
                    batch.Add(write);
                }

                if (batch.Count == 0)
                {
                    draining = false;
                    if (disposed)
                    {
                        Close();
                    }

                    return;
                }
            }

            if (!TryCommit(batch) && batch.Count > 1)
            {
                foreach (var write in batch)
                {
                    TryCommit([write]);
                }
            }

            batch.Clear();
        }
    }

    private bool TryCommit(List<Write> batch)
    {
        var changes = new int[batch.Count];
        try
        {
            var open = Open();
            Execute(open, "BEGIN IMMEDIATE;");
            for (var i = 0; i < batch.Count; i++)
            {
                var command = Prepared(open, batch[i].Sql);
                command.Parameters.Clear();
                foreach (var (name, value) in batch[i].Parameters)
                {
                    command.Parameters.AddWithValue(name, value ?? DBNull.Value);
                }

                changes[i] = command.ExecuteNonQuery();
            }

            Execute(open, "COMMIT;");
            Commits++;
        }
#pragma warning disable CA1031 // A failed commit is reported to the caller of every write in the batch.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            // A statement that failed half-way is not trusted again: the next use prepares it afresh.
            DropCommands();
            Rollback();
            if (batch.Count == 1)
            {
                batch[0].Completion.TrySetException(exception);
            }

            return false;
        }

        for (var i = 0; i < batch.Count; i++)
        {
            batch[i].Completion.TrySetResult(changes[i]);
        }

        return true;
    }

    private SqliteConnection Open()
    {
        if (connection is not null)
        {
            return connection;
        }

        var opened = new SqliteConnection(connectionString);
        try
        {
            opened.Open();
            Execute(opened, $"PRAGMA journal_mode = WAL; PRAGMA synchronous = {synchronous};");
        }
        catch
        {
            opened.Dispose();
            throw;
        }

        connection = opened;
        return opened;
    }

    private void Rollback()
    {
        if (connection is null)
        {
            return;
        }

        try
        {
            if (SQLitePCL.raw.sqlite3_get_autocommit(connection.Handle) == 0)
            {
                Execute(connection, "ROLLBACK;");
            }
        }
#pragma warning disable CA1031 // The connection is dropped and opened afresh by the next batch.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            Log.RollbackFailed(logger, exception);
            Close();
        }
    }

    private SqliteCommand Prepared(SqliteConnection open, string sql)
    {
        if (!commands.TryGetValue(sql, out var command))
        {
            command = open.CreateCommand();
            command.CommandText = sql;
            commands.Add(sql, command);
        }

        return command;
    }

    private void DropCommands()
    {
        foreach (var command in commands.Values)
        {
            command.Dispose();
        }

        commands.Clear();
    }

    private void Close()
    {
        DropCommands();
        connection?.Dispose();
        connection = null;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private sealed record Write(string Sql, IReadOnlyList<(string Name, object? Value)> Parameters)
    {
        public TaskCompletionSource<int> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}

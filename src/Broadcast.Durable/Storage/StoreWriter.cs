using Microsoft.Extensions.Logging;

namespace Broadcast.Durable.Storage;

/// <summary>
/// The single writer of the database. Commands queue up while a commit is in flight and the next batch
/// commits them together in one transaction (group commit), so one disk flush serves many steps. With a
/// <see cref="CommitFlusher"/>, a committed batch is answered once the flusher has it on disk, while this
/// thread already writes the next batch.
/// </summary>
internal sealed class StoreWriter : IDisposable
{
    private readonly WriteSession _session;
    private readonly int _maxBatch;
    private readonly ILogger _logger;
    private readonly CommitFlusher? _flusher;
    private readonly EngineMetrics? _metrics;
    private readonly Queue<WriteCommand> _queue = new();
    private readonly Thread _thread;
    private long _sealed;
    private bool _stopping;

    /// <param name="session">The writer's connection.</param>
    /// <param name="maxBatch">The most commands in one transaction.</param>
    /// <param name="flusher">Flushes commits to disk before they are answered; null when commits are answered at once.</param>
    /// <param name="logger">For commit failures.</param>
    /// <param name="metrics">Where each command's waits are recorded.</param>
    public StoreWriter(WriteSession session, int maxBatch, CommitFlusher? flusher, ILogger logger, EngineMetrics? metrics = null)
    {
        _metrics = metrics;
        _session = session;
        _maxBatch = maxBatch;
        _flusher = flusher;
        _logger = logger;
        _thread = new Thread(Loop) { IsBackground = true, Name = "durable-writer" };
        _thread.Start();
    }

    /// <summary>Transactions committed so far.</summary>
    public long Commits { get; private set; }

    /// <summary>The number of the latest transaction that readers may see (numbered before its COMMIT starts).</summary>
    public long Sealed => Interlocked.Read(ref _sealed);

    /// <summary>Completes when commits could no longer be flushed to disk (never without durable commits).</summary>
    public Task<IOException> Broken => _flusher?.Broken ?? new TaskCompletionSource<IOException>().Task;

    public Task<T> Submit<T>(WriteCommand<T> command)
    {
        command.Metrics = _metrics;
        command.SubmittedAt = System.Diagnostics.Stopwatch.GetTimestamp();
        lock (_queue)
        {
            if (_stopping)
            {
                throw new ObjectDisposedException(nameof(StoreWriter), "The durable engine's store is closed.");
            }

            _queue.Enqueue(command);
            if (_queue.Count == 1)
            {
                Monitor.Pulse(_queue);
            }
        }

        return command.Completion;
    }

    /// <summary>Commits what is queued, then stops the writer thread.</summary>
    public void Dispose()
    {
        lock (_queue)
        {
            _stopping = true;
            Monitor.Pulse(_queue);
        }

        _thread.Join();
        _flusher?.Dispose();
        _session.Dispose();
    }

    private void Loop()
    {
        var batch = new List<WriteCommand>(_maxBatch);
        while (true)
        {
            lock (_queue)
            {
                while (_queue.Count == 0 && !_stopping)
                {
                    Monitor.Wait(_queue);
                }

                if (_queue.Count == 0)
                {
                    return;
                }

                while (batch.Count < _maxBatch && _queue.TryDequeue(out var command))
                {
                    batch.Add(command);
                }
            }

            if (_flusher?.Failure is { } failure)
            {
                // Fail-stop: nothing more is committed once commits could not be flushed.
                batch.ForEach(command => command.Failed(failure));
            }
            else if (!TryCommit(batch) && batch.Count > 1)
            {
                // One bad command must not sink the others: retry each in its own transaction.
                foreach (var command in batch)
                {
                    TryCommit([command]);
                }
            }

            batch.Clear();
        }
    }

    /// <summary>Completes once transaction number <paramref name="commit"/> and those before it are on disk (at once without a flusher).</summary>
    public Task WaitDurableAsync(long commit, CancellationToken cancellationToken) =>
        _flusher?.WaitFlushedAsync(commit, cancellationToken) ?? Task.CompletedTask;

    private bool TryCommit(List<WriteCommand> batch)
    {
        var rejected = new List<(WriteCommand Command, Exception Reason)>();
        long? number = null;
        try
        {
            _session.Execute("BEGIN IMMEDIATE;");
            var began = System.Diagnostics.Stopwatch.GetTimestamp();
            foreach (var command in batch)
            {
                if (command.StartedAt == 0)
                {
                    // A batch retried command by command counts each command's queue time once, until its first transaction.
                    _metrics?.WriteStarted(command.MetricName, command.SubmittedAt, began);
                }

                // Its commit time counts from the transaction that commits it.
                command.StartedAt = began;

                try
                {
                    command.Execute(_session);
                }
                catch (WriteRejectedException rejection)
                {
                    rejected.Add((command, rejection.InnerException ?? rejection));
                }
            }

            number = Interlocked.Increment(ref _sealed);
            _session.Execute("COMMIT;");
            Commits++;
        }
#pragma warning disable CA1031 // A failed commit is reported to every caller of the batch.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            TryRollback();
            if (number is { } failed)
            {
                // Nothing to flush, but readers waiting for this number must go on.
                _flusher?.Enqueue([], failed);
            }

            if (batch.Count == 1)
            {
                Log.CommitFailed(_logger, exception, 1);
                batch[0].Failed(exception);
            }

            return false;
        }

        var committed = rejected.Count == 0 ? [.. batch] : batch.FindAll(c => !rejected.Exists(r => ReferenceEquals(r.Command, c))).ToArray();
        if (_flusher is not null)
        {
            // Refusals wait for the flush as well: what they were refused on may be a commit not yet on disk.
            _flusher.Enqueue(rejected.Count == 0 ? committed : [.. committed, .. rejected.Select(r => new RefusalAfterFlush(r.Command, r.Reason))], number!.Value);
            return true;
        }

        foreach (var (command, reason) in rejected)
        {
            command.Failed(reason);
        }

        foreach (var command in committed)
        {
            command.Committed();
        }

        return true;
    }

    private void TryRollback()
    {
        try
        {
            if (SQLitePCL.raw.sqlite3_get_autocommit(_session.Connection.Handle) == 0)
            {
                _session.Execute("ROLLBACK;");
            }
        }
#pragma warning disable CA1031 // Nothing more can be done if the rollback fails too; the next BEGIN reports it.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            Log.RollbackFailed(_logger, exception);
        }
    }
}

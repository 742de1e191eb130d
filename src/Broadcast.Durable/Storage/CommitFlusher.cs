using Microsoft.Extensions.Logging;

namespace Broadcast.Durable.Storage;

/// <summary>
/// Makes committed batches durable off the writer thread. The writer commits without waiting for the disk
/// (<c>synchronous=NORMAL</c>), hands the batch here and goes on with the next one, while this thread flushes the
/// write-ahead log to disk and only then answers the batch's commands. So nothing a command causes (activities
/// started, timers armed, callers answered) happens before its commit is on disk, as with <c>synchronous=FULL</c>,
/// but the flush no longer stops the next batch from being written: under load it took half of the writer's time.
/// </summary>
/// <remarks>
/// <para>
/// One flush covers every batch committed before it, so batches that pile up during a flush share the next one.
/// The log file is flushed through a handle of its own: fsync applies to the file, whoever wrote it. Its path is
/// the one SQLite resolved (symbolic links followed), and it is opened when the store opens. SQLite keeps the same
/// log file while the writer's connection is open (no size limit is set, so it is reused, never truncated or
/// deleted), and the writer's connection lives as long as the store.
/// </para>
/// <para>
/// Unlike <c>synchronous=FULL</c>, a commit is visible to readers before it is on disk. The engine's own steps
/// act on what they read only through their own commits, which are flushed after it; a client's read waits with
/// <see cref="WaitFlushedAsync"/> until every commit it could have seen is on disk, so no client sees a state that
/// a power loss could take back.
/// </para>
/// <para>
/// A failed flush stops the store for good (fail-stop): what was committed may or may not be on disk, and a later
/// flush could report success over pages the kernel dropped. The batches waiting and every later command fail
/// with the same error, <see cref="Broken"/> completes so the host can stop, and a restart recovers from what is
/// on disk.
/// </para>
/// </remarks>
internal sealed class CommitFlusher : IDisposable
{
    private readonly string _logPath;
    private readonly ILogger _logger;
    private readonly LogFlush _flush;
    private readonly Queue<(WriteCommand[] Commands, long Commit)> _pending = new();
    private readonly TaskCompletionSource<IOException> _broken = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Thread _thread;
    private FileStream? _log;
    private IOException? _failure;
    private TaskCompletionSource _flushed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _flushedThrough;
    private bool _stopping;

    /// <param name="databasePath">The database file as SQLite resolved it; its log is this path with <c>-wal</c>.</param>
    /// <param name="logger">For a failed flush.</param>
    /// <param name="flush">Puts the log on disk; fsync when null.</param>
    public CommitFlusher(string databasePath, ILogger logger, LogFlush? flush = null)
    {
        _logPath = databasePath + "-wal";
        _logger = logger;
        _flush = flush ?? LogFlushes.Fsync;
        _thread = new Thread(Loop) { IsBackground = true, Name = "durable-flusher" };
        _thread.Start();
    }

    /// <summary>Disk flushes done so far.</summary>
    public long Flushes { get; private set; }

    /// <summary>Completes with the error when a flush failed: the store takes no more work.</summary>
    public Task<IOException> Broken => _broken.Task;

    /// <summary>The error of the failed flush, once one failed.</summary>
    public IOException? Failure => Volatile.Read(ref _failure);

    /// <summary>Completes once every commit up to number <paramref name="commit"/> is on disk; fails if the store broke.</summary>
    public async Task WaitFlushedAsync(long commit, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task flushed;
            lock (_pending)
            {
                if (_failure is { } failure)
                {
                    throw failure;
                }

                if (_flushedThrough >= commit)
                {
                    return;
                }

                flushed = _flushed.Task;
            }

            await flushed.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Opens the log file now, so a store whose log cannot be flushed fails when it opens.</summary>
    public void Open() => _log ??= new FileStream(_logPath, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1);

    /// <summary>
    /// Puts on disk what an earlier process left only in the OS's cache. A process killed between a commit and its
    /// flush leaves that commit readable to the next one, which would otherwise act on it (start the activities it
    /// scheduled, show it to clients) while a power loss could still take it back. Call before the engine acts on
    /// anything it reads; it throws when the disk refuses, so such a store does not open.
    /// </summary>
    public void FlushLeftover(string databasePath)
    {
        Open();
        _flush(_log!);
        using var database = new FileStream(databasePath, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1);
        database.Flush(flushToDisk: true);
    }

    /// <summary>
    /// Queues the commands of commit number <paramref name="commit"/> (numbers rise by one per transaction the writer
    /// tried to commit; a failed one comes with no commands); they are answered once the log is on disk.
    /// </summary>
    public void Enqueue(WriteCommand[] committed, long commit)
    {
        lock (_pending)
        {
            _pending.Enqueue((committed, commit));
            if (_pending.Count == 1)
            {
                Monitor.Pulse(_pending);
            }
        }
    }

    /// <summary>Flushes and answers what is queued, then stops. Call after the writer stopped.</summary>
    public void Dispose()
    {
        lock (_pending)
        {
            _stopping = true;
            Monitor.Pulse(_pending);
        }

        _thread.Join();
        _log?.Dispose();
    }

    private void Loop()
    {
        var ready = new List<(WriteCommand[] Commands, long Commit)>();
        while (true)
        {
            lock (_pending)
            {
                while (_pending.Count == 0 && !_stopping)
                {
                    Monitor.Wait(_pending);
                }

                if (_pending.Count == 0)
                {
                    return;
                }

                ready.AddRange(_pending);
                _pending.Clear();
            }

            var failure = Failure ?? Flush();
            TaskCompletionSource flushed;
            lock (_pending)
            {
                _flushedThrough = ready[^1].Commit;
                flushed = _flushed;
                _flushed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            flushed.TrySetResult();
            Answer(ready, failure);
            ready.Clear();
        }
    }

    private IOException? Flush()
    {
        try
        {
            Open();
            _flush(_log!);
            Flushes++;
            return null;
        }
#pragma warning disable CA1031 // Any failure stops the store; its callers and the host learn of it.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            Log.FlushFailed(_logger, exception);
            var failure = new IOException(
                "The engine's commits could not be flushed to disk, so it takes no more work: restart it to go on from what is on disk. " +
                "The latest commits may or may not be there.", exception);
            lock (_pending)
            {
                _failure = failure;
            }

            _broken.TrySetResult(failure);
            return failure;
        }
    }

    private static void Answer(List<(WriteCommand[] Commands, long Commit)> batches, Exception? failure)
    {
        foreach (var (batch, _) in batches)
        {
            foreach (var command in batch)
            {
                if (failure is null)
                {
                    command.Committed();
                }
                else
                {
                    command.Failed(failure);
                }
            }
        }
    }
}

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
/// Unlike <c>synchronous=FULL</c>, a commit is visible to readers before it is on disk: a client reading an
/// instance in those milliseconds may see a state that a power loss takes back (the step then runs again).
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
    private readonly Queue<WriteCommand[]> _pending = new();
    private readonly TaskCompletionSource<IOException> _broken = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Thread _thread;
    private FileStream? _log;
    private IOException? _failure;
    private bool _stopping;

    /// <param name="databasePath">The database file as SQLite resolved it; its log is this path with <c>-wal</c>.</param>
    /// <param name="logger">For a failed flush.</param>
    public CommitFlusher(string databasePath, ILogger logger)
    {
        _logPath = databasePath + "-wal";
        _logger = logger;
        _thread = new Thread(Loop) { IsBackground = true, Name = "durable-flusher" };
        _thread.Start();
    }

    /// <summary>Disk flushes done so far.</summary>
    public long Flushes { get; private set; }

    /// <summary>Completes with the error when a flush failed: the store takes no more work.</summary>
    public Task<IOException> Broken => _broken.Task;

    /// <summary>The error of the failed flush, once one failed.</summary>
    public IOException? Failure => Volatile.Read(ref _failure);

    /// <summary>Opens the log file now, so a store whose log cannot be flushed fails when it opens.</summary>
    public void Open() => _log ??= new FileStream(_logPath, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1);

    /// <summary>Queues the commands of a committed batch; they are answered once the log is on disk.</summary>
    public void Enqueue(WriteCommand[] committed)
    {
        lock (_pending)
        {
            _pending.Enqueue(committed);
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
        var ready = new List<WriteCommand[]>();
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

            Answer(ready, Failure ?? Flush());
            ready.Clear();
        }
    }

    private IOException? Flush()
    {
        try
        {
            Open();
            _log!.Flush(flushToDisk: true);
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
            Volatile.Write(ref _failure, failure);
            _broken.TrySetResult(failure);
            return failure;
        }
    }

    private static void Answer(List<WriteCommand[]> batches, Exception? failure)
    {
        foreach (var batch in batches)
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

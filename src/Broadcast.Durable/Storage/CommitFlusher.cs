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
/// One flush covers every batch committed before it, so batches that pile up during a flush share the next one.
/// The log file is flushed through a handle of its own: fsync applies to the file, whoever wrote it. SQLite keeps
/// the same log file while the writer's connection is open (no size limit is set, so it is reused, never
/// truncated or deleted), and the writer's connection lives as long as the store.
/// </remarks>
internal sealed class CommitFlusher : IDisposable
{
    private readonly string _logPath;
    private readonly ILogger _logger;
    private readonly Queue<WriteCommand[]> _pending = new();
    private readonly Thread _thread;
    private FileStream? _log;
    private bool _stopping;

    public CommitFlusher(string databasePath, ILogger logger)
    {
        _logPath = databasePath + "-wal";
        _logger = logger;
        _thread = new Thread(Loop) { IsBackground = true, Name = "durable-flusher" };
        _thread.Start();
    }

    /// <summary>Disk flushes done so far.</summary>
    public long Flushes { get; private set; }

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

            Answer(ready, Flush());
            ready.Clear();
        }
    }

    private IOException? Flush()
    {
        try
        {
            _log ??= new FileStream(_logPath, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1);
            _log.Flush(flushToDisk: true);
            Flushes++;
            return null;
        }
#pragma warning disable CA1031 // The batch's callers learn of the failure; the engine goes on.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            Log.FlushFailed(_logger, exception);
            _log?.Dispose();
            _log = null;
            return new IOException("The commit could not be flushed to disk; it may be lost if the machine stops.", exception);
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

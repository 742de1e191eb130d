using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Broadcast.Durable.Storage;

/// <summary>
/// The database file: opened on first use (schema created or checked), one writer, a pool of readers,
/// and a lock file so that no second engine works on the same file.
/// </summary>
internal sealed class DurableStore(
    IOptions<DurableEngineOptions> options, TimeProvider clock, ILoggerFactory loggerFactory, EngineMetrics? metrics = null, LogFlush? flush = null) : IDisposable
{
    private const string Setting = "Engine:DatabasePath";
    private readonly Lock _gate = new();
    private FileStream? _lockFile;
    private StoreWriter? _writer;
    private ReaderPool? _readers;
    private bool _disposed;

    public string DatabasePath => Path.GetFullPath(options.Value.DatabasePath);

    public StoreWriter Writer
    {
        get
        {
            EnsureOpen();
            return _writer!;
        }
    }

    public ReaderPool Readers
    {
        get
        {
            EnsureOpen();
            return _readers!;
        }
    }

    public Task<T> Submit<T>(WriteCommand<T> command) => Writer.Submit(command);

    public T Read<T>(Func<ReaderConnection, T> read) => Readers.Use(read);

    /// <summary>A read for a client: returned once every commit it could have seen is on disk.</summary>
    public async Task<T> ReadDurableAsync<T>(Func<ReaderConnection, T> read, CancellationToken cancellationToken)
    {
        var value = Read(read);
        // Taken after the read: every transaction the read could see was numbered before it.
        await Writer.WaitDurableAsync(Writer.Sealed, cancellationToken).ConfigureAwait(false);
        return value;
    }

    public void EnsureOpen()
    {
        if (_readers is not null)
        {
            return;
        }

        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_readers is not null)
            {
                return;
            }

            var settings = options.Value;
            var path = DatabasePath;
            if (Directory.Exists(path) || Path.EndsInDirectorySeparator(path))
            {
                throw new InvalidOperationException($"{Setting} '{path}' is a folder; it must name the engine's database file.");
            }

            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                _lockFile = AcquireLock(path);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                throw Unusable(path, exception);
            }

            try
            {
                // Durable commits are flushed to disk by the flusher, not inside the writer's COMMIT.
                var connection = SqliteFile.Open(path, durableCommits: false);
                try
                {
                    Schema.Ensure(connection, path);
                    // The writer touches pages all over the history and instance indexes: with SQLite's default 2 MB
                    // cache it read most of them back from the OS at every step. 16 MB keeps the working set of
                    // thousands of live instances in memory; a small database never fills it.
                    Schema.Execute(connection, "PRAGMA cache_size = -16384;");
                }
                catch
                {
                    // A refused or failed schema leaves no connection open on the file.
                    connection.Dispose();
                    throw;
                }

                var logger = loggerFactory.CreateLogger<StoreWriter>();
                CommitFlusher? flusher = null;
                if (settings.DurableCommits)
                {
                    // SQLite's own name of the file (links resolved): its log lies beside that one.
                    flusher = new CommitFlusher(connection.DataSource, logger, flush);
                    try
                    {
                        flusher.FlushLeftover(connection.DataSource);
                    }
                    catch
                    {
                        flusher.Dispose();
                        connection.Dispose();
                        throw;
                    }
                }

                _writer = new StoreWriter(new WriteSession(connection, clock), settings.MaxBatchSize, flusher, logger, metrics);
                _readers = new ReaderPool(path, settings.DurableCommits, Math.Clamp(Environment.ProcessorCount * 2, 4, 16));
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or SqliteException)
            {
                _writer?.Dispose();
                _lockFile.Dispose();
                throw Unusable(path, exception);
            }
            catch
            {
                _writer?.Dispose();
                _lockFile.Dispose();
                throw;
            }
        }
    }

    /// <summary>An operator sees this at start: it names the setting to fix, not only the path the engine tried.</summary>
    private static InvalidOperationException Unusable(string path, Exception exception) =>
        new($"{Setting} '{path}' cannot be used as the engine's database: {exception.Message}", exception);

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _writer?.Dispose();
            _readers?.Dispose();
            _lockFile?.Dispose();
        }
    }

    private static FileStream AcquireLock(string path)
    {
        try
        {
            return new FileStream(path + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException exception)
        {
            throw new InvalidOperationException(
                $"The database '{path}' ({Setting}) is in use by another durable engine (its lock file '{path}.lock' is held).", exception);
        }
    }
}

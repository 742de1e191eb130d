using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Broadcast.Durable.Storage;

/// <summary>
/// The database file: opened on first use (schema created or checked), one writer, a pool of readers,
/// and a lock file so that no second engine works on the same file.
/// </summary>
internal sealed class DurableStore(IOptions<DurableEngineOptions> options, TimeProvider clock, ILoggerFactory loggerFactory) : IDisposable
{
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
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            _lockFile = AcquireLock(path);
            try
            {
                var connection = SqliteFile.Open(path, settings.DurableCommits);
                Schema.Ensure(connection, path);
                _writer = new StoreWriter(new WriteSession(connection, clock), settings.MaxBatchSize, loggerFactory.CreateLogger<StoreWriter>());
                _readers = new ReaderPool(path, settings.DurableCommits, Math.Clamp(Environment.ProcessorCount * 2, 4, 16));
            }
            catch
            {
                _writer?.Dispose();
                _lockFile.Dispose();
                throw;
            }
        }
    }

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
                $"The database '{path}' is in use by another durable engine (its lock file '{path}.lock' is held).", exception);
        }
    }
}

using System.Collections.Concurrent;

namespace Broadcast.Durable.Storage;

/// <summary>
/// Read connections handed out one per caller at a time; WAL lets them read while the writer commits.
/// Their number is bounded (each has its own page cache), callers beyond it wait for a free one.
/// </summary>
internal sealed class ReaderPool : IDisposable
{
    private readonly string _path;
    private readonly bool _durableCommits;
    private readonly ConcurrentBag<ReaderConnection> _idle = [];
    private readonly SemaphoreSlim _slots;
    private bool _disposed;

    public ReaderPool(string path, bool durableCommits, int maxConnections)
    {
        _path = path;
        _durableCommits = durableCommits;
        _slots = new SemaphoreSlim(maxConnections, maxConnections);
    }

    public T Use<T>(Func<ReaderConnection, T> read)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _slots.Wait();
        try
        {
            if (!_idle.TryTake(out var connection))
            {
                connection = new ReaderConnection(SqliteFile.Open(_path, _durableCommits));
            }

            try
            {
                return read(connection);
            }
            finally
            {
                if (_disposed)
                {
                    connection.Dispose();
                }
                else
                {
                    _idle.Add(connection);
                }
            }
        }
        finally
        {
            _slots.Release();
        }
    }

    public void Dispose()
    {
        _disposed = true;
        while (_idle.TryTake(out var connection))
        {
            connection.Dispose();
        }
    }
}

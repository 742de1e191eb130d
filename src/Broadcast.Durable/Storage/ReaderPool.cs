using System.Collections.Concurrent;

namespace Broadcast.Durable.Storage;

/// <summary>Read connections handed out one per caller at a time; WAL lets them read while the writer commits.</summary>
internal sealed class ReaderPool(string path, bool durableCommits) : IDisposable
{
    private readonly ConcurrentBag<ReaderConnection> _idle = [];
    private bool _disposed;

    public T Use<T>(Func<ReaderConnection, T> read)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!_idle.TryTake(out var connection))
        {
            connection = new ReaderConnection(SqliteFile.Open(path, durableCommits));
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

    public void Dispose()
    {
        _disposed = true;
        while (_idle.TryTake(out var connection))
        {
            connection.Dispose();
        }
    }
}

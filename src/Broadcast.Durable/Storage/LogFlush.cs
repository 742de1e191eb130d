namespace Broadcast.Durable.Storage;

/// <summary>
/// Puts the write-ahead log on disk: fsync of its file unless the engine's services hold another. Tests register one
/// that fails, since no disk here fails a flush on demand, to prove what a failed flush does to every kind of write.
/// </summary>
/// <param name="log">The log file, opened when the store opened.</param>
internal delegate void LogFlush(FileStream log);

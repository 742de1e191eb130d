namespace Broadcast.Durable.Storage;

/// <summary>The engine's own <see cref="LogFlush"/>.</summary>
internal static class LogFlushes
{
    /// <summary>fsync of the log file.</summary>
    public static readonly LogFlush Fsync = log => log.Flush(flushToDisk: true);
}

using Microsoft.Extensions.Logging;

namespace Broadcast.Ledger.Sqlite;

/// <summary>The project's log messages; event ids are stable (3500-3599).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 3501, Level = LogLevel.Information, Message = "Leak ledger: {Path}")]
    public static partial void Opened(ILogger logger, string path);

    [LoggerMessage(EventId = 3502, Level = LogLevel.Warning, Message = "Leak ledger: a failed write's rollback failed too; the writer's connection is opened afresh")]
    public static partial void RollbackFailed(ILogger logger, Exception exception);
}

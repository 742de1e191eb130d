using Microsoft.Extensions.Logging;

namespace Broadcast.Functions;

/// <summary>The Functions app's log messages; event ids are stable (6xxx, apart from the other projects').</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 6001, Level = LogLevel.Error, Message = "{Method} {Path} failed")]
    public static partial void UnhandledRequestFailure(ILogger logger, string method, string path, Exception exception);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Information, Message = "Queue {Queue}: session {SessionId} (created: {Created})")]
    public static partial void QueueSessionCreated(ILogger logger, string queue, string sessionId, bool created);

    [LoggerMessage(EventId = 6003, Level = LogLevel.Information, Message = "Queue {Queue}: signal delivered to session {SessionId}")]
    public static partial void QueueSignalDelivered(ILogger logger, string queue, string sessionId);

    [LoggerMessage(EventId = 6004, Level = LogLevel.Warning, Message = "Queue {Queue}: message not handled, to be retried until it moves to the poison queue: {Reason}")]
    public static partial void QueueMessageNotHandled(ILogger logger, string queue, string reason);
}

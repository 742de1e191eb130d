namespace Broadcast.Host;

/// <summary>The host's log messages; event ids are stable (1000-1099 HTTP and start, 1100-1199 queues, 1200-1299 simulator).</summary>
internal static partial class Log
{
    // 1300-1399: the leak sweeper.
    [LoggerMessage(1300, LogLevel.Information, "Leak sweeper: a pass every {Interval}")]
    public static partial void SweeperStarted(ILogger logger, TimeSpan interval);

    [LoggerMessage(1301, LogLevel.Warning, "Leak sweeper: off (Sweeper:Enabled is false); POST /api/ledger/sweep still runs a pass")]
    public static partial void SweeperDisabled(ILogger logger);

    [LoggerMessage(1302, LogLevel.Error, "Leak sweeper: the pass failed; the next one runs at the next interval")]
    public static partial void SweepPassFailed(ILogger logger, Exception exception);

    [LoggerMessage(1000, LogLevel.Error, "{Method} {Path} failed")]
    public static partial void UnhandledRequestFailure(ILogger logger, string method, string path, Exception exception);

    [LoggerMessage(1001, LogLevel.Information, "Listening on {Addresses}; database {DatabasePath}; backend {Backend}; queues {Queues}; API key {ApiKey}")]
    public static partial void HostStarted(ILogger logger, string addresses, string databasePath, string backend, string queues, string apiKey);

    [LoggerMessage(1100, LogLevel.Information, "Queue {Queue}: listening (a message is poisoned after {MaxDequeueCount} receives)")]
    public static partial void QueueListening(ILogger logger, string queue, int maxDequeueCount);

    [LoggerMessage(1101, LogLevel.Warning, "Queue {Queue}: {Error}")]
    public static partial void QueueFailure(ILogger logger, string queue, string error, Exception exception);

    [LoggerMessage(1102, LogLevel.Warning, "Queue {Queue}: message {MessageId} failed (attempt {DequeueCount} of {MaxDequeueCount}), retried later: {Error}")]
    public static partial void QueueMessageRetry(ILogger logger, string queue, string messageId, long dequeueCount, int maxDequeueCount, string error);

    [LoggerMessage(1103, LogLevel.Error, "Queue {Queue}: message {MessageId} moved to {PoisonQueue}: {Error}")]
    public static partial void QueueMessagePoisoned(ILogger logger, string queue, string messageId, string poisonQueue, string error);

    [LoggerMessage(1104, LogLevel.Information, "Queue {Queue}: session {SessionId} (new: {Created})")]
    public static partial void QueueSessionCreated(ILogger logger, string queue, string sessionId, bool created);

    [LoggerMessage(1105, LogLevel.Information, "Queue {Queue}: {EventName} delivered to session {SessionId}")]
    public static partial void QueueSignalDelivered(ILogger logger, string queue, string eventName, string sessionId);

    [LoggerMessage(1200, LogLevel.Information, "No ILVB endpoint configured: the simulator serves the backend at {BaseUrl}")]
    public static partial void SimulatorStarted(ILogger logger, string baseUrl);

    // 1400-1499: room-event webhook. Signatures and keys are never logged.
    [LoggerMessage(1400, LogLevel.Information,
        "Room event {EventId} ({EventType}) of room {RoomId} user {UserId}: {Disposition}, sent to {Count} session(s)")]
    public static partial void RoomEventTaken(
        ILogger logger, string eventId, RoomEventType eventType, uint roomId, string userId, RoomEventDisposition disposition, int count);

    [LoggerMessage(1401, LogLevel.Information, "Room event {EventId} delivered again ({Disposition} the first time): counted once")]
    public static partial void RoomEventDuplicate(ILogger logger, string eventId, RoomEventDisposition disposition);

    [LoggerMessage(1402, LogLevel.Warning, "Room event refused: {Problem}")]
    public static partial void RoomEventRefused(ILogger logger, string problem);

    [LoggerMessage(1403, LogLevel.Error, "Room events of room {RoomId} user {UserId} could not be read for a new session")]
    public static partial void RoomEventBacklogFailed(ILogger logger, uint roomId, string userId, Exception exception);

    [LoggerMessage(1404, LogLevel.Debug, "Room events: {Count} received before the retention window forgotten")]
    public static partial void RoomEventsPruned(ILogger logger, int count);
}

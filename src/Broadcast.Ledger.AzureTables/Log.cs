using Microsoft.Extensions.Logging;

namespace Broadcast.Ledger.AzureTables;

/// <summary>The project's log messages; event ids are stable (3600-3699).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 3601, Level = LogLevel.Warning,
        Message = "Anchor lease of room {RoomId}, user {UserId}: taken over from a holder that did not renew it (expired {ExpiredAt})")]
    public static partial void ExpiredLeaseTaken(ILogger logger, uint roomId, string userId, DateTimeOffset? expiredAt);

    [LoggerMessage(EventId = 3602, Level = LogLevel.Error,
        Message = "Anchor lease of room {RoomId}, user {UserId}: lost while held (it expired and another instance took it); a start and a stop of the anchor may cross")]
    public static partial void LeaseLost(ILogger logger, uint roomId, string userId);

    [LoggerMessage(EventId = 3603, Level = LogLevel.Warning, Message = "Anchor lease of room {RoomId}, user {UserId}: a renewal failed; tried again at the next period")]
    public static partial void LeaseRenewalFailed(ILogger logger, uint roomId, string userId, Exception exception);

    [LoggerMessage(EventId = 3604, Level = LogLevel.Warning,
        Message = "Anchor lease of room {RoomId}, user {UserId}: the release failed; the lease expires on its own within {Duration}")]
    public static partial void LeaseReleaseFailed(ILogger logger, uint roomId, string userId, TimeSpan duration, Exception exception);
}

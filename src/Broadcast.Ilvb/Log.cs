using Microsoft.Extensions.Logging;

namespace Broadcast.Ilvb;

/// <summary>
/// The library's log events. None carries a UserSig, secret key, password or request URL:
/// templates name operations, rooms, users, sequence numbers, codes and durations only.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, EventName = "UserSigIssued", Level = LogLevel.Information,
        Message = "Issued a UserSig for {Identifier}, valid until {ExpiresAt:O}")]
    public static partial void UserSigIssued(ILogger logger, string identifier, DateTimeOffset expiresAt);

    [LoggerMessage(EventId = 10, EventName = "CallSending", Level = LogLevel.Debug,
        Message = "ILVB {Operation} room {RoomId} user {UserId}: sending seq {Sequence}")]
    public static partial void CallSending(ILogger logger, IlvbOperation operation, uint roomId, string userId, uint sequence);

    [LoggerMessage(EventId = 11, EventName = "CallSucceeded", Level = LogLevel.Information,
        Message = "ILVB {Operation} room {RoomId} user {UserId}: succeeded (seq {Sequence}, {ElapsedMs} ms)")]
    public static partial void CallSucceeded(ILogger logger, IlvbOperation operation, uint roomId, string userId, uint sequence, long elapsedMs);

    [LoggerMessage(EventId = 12, EventName = "CallFailed", Level = LogLevel.Warning,
        Message = "ILVB {Operation} room {RoomId} user {UserId}: {Kind} {Code} ({Category}) (seq {Sequence}, {ElapsedMs} ms)")]
    public static partial void CallFailed(
        ILogger logger, IlvbOperation operation, uint roomId, string userId, IlvbFailureKind kind, long code,
        IlvbErrorCategory category, uint sequence, long elapsedMs, Exception exception);

    [LoggerMessage(EventId = 14, EventName = "FieldsUnreadable", Level = LogLevel.Warning,
        Message = "ILVB {Operation} room {RoomId} user {UserId}: succeeded, but left out the answer's unreadable {Fields} (seq {Sequence})")]
    public static partial void FieldsUnreadable(ILogger logger, IlvbOperation operation, uint roomId, string userId, string fields, uint sequence);

    [LoggerMessage(EventId = 13, EventName = "CallCancelled", Level = LogLevel.Information,
        Message = "ILVB {Operation} room {RoomId} user {UserId}: cancelled by the caller (seq {Sequence}, {ElapsedMs} ms)")]
    public static partial void CallCancelled(ILogger logger, IlvbOperation operation, uint roomId, string userId, uint sequence, long elapsedMs);
}

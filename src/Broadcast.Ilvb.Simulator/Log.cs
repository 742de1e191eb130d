using Microsoft.Extensions.Logging;

namespace Broadcast.Ilvb.Simulator;

/// <summary>The simulator's log messages. Event ids are stable; query strings (which carry the UserSig) are never logged.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "ILVB simulator listening on {Url} (sdkappid {SdkAppId})")]
    public static partial void Listening(ILogger logger, Uri url, uint sdkAppId);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "{Operation} room {RoomId} user {UserId} seq {Seq} answered {ResultCode}")]
    public static partial void CallAnswered(ILogger logger, SimOperation? operation, uint? roomId, string? userId, uint? seq, long? resultCode);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "{Operation} room {RoomId} user {UserId} seq {Seq}: fault {Fault} applied {Timing} (result {ResultCode})")]
    public static partial void FaultApplied(ILogger logger, SimOperation? operation, uint? roomId, string? userId, uint? seq, FaultKind fault, FaultTiming timing, long? resultCode);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "{Operation} room {RoomId} user {UserId} seq {Seq}: the caller went away before the answer")]
    public static partial void CallerWentAway(ILogger logger, SimOperation? operation, uint? roomId, string? userId, uint? seq);

    [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "User {UserId} joined room {RoomId}")]
    public static partial void UserJoined(ILogger logger, uint roomId, string userId);

    [LoggerMessage(EventId = 11, Level = LogLevel.Information, Message = "User {UserId} left room {RoomId}")]
    public static partial void UserLeft(ILogger logger, uint roomId, string userId);

    [LoggerMessage(EventId = 12, Level = LogLevel.Information, Message = "Simulator state and faults reset")]
    public static partial void Reset(ILogger logger);

    [LoggerMessage(EventId = 13, Level = LogLevel.Information, Message = "Fault configured: {Kind} for {Operation}")]
    public static partial void FaultConfigured(ILogger logger, FaultRequestKind kind, SimOperation? operation);

    [LoggerMessage(EventId = 14, Level = LogLevel.Information, Message = "Faults cleared")]
    public static partial void FaultsCleared(ILogger logger);
}

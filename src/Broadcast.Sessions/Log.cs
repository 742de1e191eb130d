using Broadcast.Ilvb;
using Microsoft.Extensions.Logging;

namespace Broadcast.Sessions;

/// <summary>The project's log messages; event ids are stable. No request field that could carry a secret is logged.</summary>
internal static partial class Log
{
    // 3401-3499: the leak ledger and its sweeper.
    [LoggerMessage(EventId = 3401, Level = LogLevel.Warning,
        Message = "The leak ledger is kept in memory: a restart forgets what may be running; register a durable ledger")]
    public static partial void InMemoryLedger(ILogger logger);

    [LoggerMessage(EventId = 3402, Level = LogLevel.Warning, Message = "Session {SessionId}: could not {What} in the leak ledger ({Kind})")]
    public static partial void LedgerWriteFailed(ILogger logger, string sessionId, LeakKind kind, string what, Exception exception);

    [LoggerMessage(EventId = 3403, Level = LogLevel.Warning,
        Message = "Session {SessionId}: the {Kind} start was answered after its ledger entry was closed; the entry is open again")]
    public static partial void LedgerReopened(ILogger logger, string sessionId, LeakKind kind);

    [LoggerMessage(EventId = 3404, Level = LogLevel.Information,
        Message = "Sweeper: {Examined} open entries read, {Stopped} stopped, {Retrying} to retry, {GivenUp} given up, {Pruned} pruned; {OpenAfter} open")]
    public static partial void SweepPass(ILogger logger, int examined, int stopped, int retrying, int givenUp, int pruned, int openAfter);

    [LoggerMessage(EventId = 3405, Level = LogLevel.Warning, Message = "Sweeper: session {SessionId} ({Kind}) could not be swept this pass")]
    public static partial void SweepEntryFailed(ILogger logger, string sessionId, LeakKind kind, Exception exception);

    [LoggerMessage(EventId = 3406, Level = LogLevel.Warning,
        Message = "Sweeper: session {SessionId} {EndedAs}; its {Kind} was stopped (sweeper attempt {Attempt})")]
    public static partial void SweptStopped(ILogger logger, string sessionId, LeakKind kind, int attempt, string endedAs);

    [LoggerMessage(EventId = 3407, Level = LogLevel.Warning,
        Message = "Sweeper: session {SessionId}: stop {Kind} attempt {Attempt} failed, next in {Delay}: {Error}")]
    public static partial void SweepRetry(ILogger logger, string sessionId, LeakKind kind, int attempt, TimeSpan delay, string error);

    [LoggerMessage(EventId = 3408, Level = LogLevel.Critical,
        Message = "Sweeper: session {SessionId}: gave up stopping its {Kind} after {Attempt} attempt(s); it may still be running: {Error}")]
    public static partial void SweepGaveUp(ILogger logger, string sessionId, LeakKind kind, int attempt, string error);

    [LoggerMessage(EventId = 3409, Level = LogLevel.Warning, Message = "Session {SessionId}: the leak ledger could not be read for its view")]
    public static partial void LedgerReadFailed(ILogger logger, string sessionId, Exception exception);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Debug, Message = "Session {SessionId}: {Operation} attempt {Attempt} succeeded")]
    public static partial void CallSucceeded(ILogger logger, string sessionId, string operation, int attempt);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning,
        Message = "Session {SessionId}: {Operation} attempt {Attempt} failed: {Kind} {Code} ({Category}) {Description}")]
    public static partial void CallFailed(
        ILogger logger, string sessionId, string operation, int attempt, IlvbFailureKind kind, long code, IlvbErrorCategory category,
        string description);

    [LoggerMessage(EventId = 3101, Level = LogLevel.Information, Message = "Session {SessionId} entered phase {Phase}")]
    public static partial void SessionPhase(ILogger logger, string sessionId, string phase);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Information, Message = "Session {SessionId} finished: {Outcome}")]
    public static partial void SessionFinished(ILogger logger, string sessionId, SessionOutcome outcome);

    [LoggerMessage(EventId = 3103, Level = LogLevel.Information, Message = "Session {SessionId}: {Operation} attempt {Attempt} in {Delay}")]
    public static partial void RetryScheduled(ILogger logger, string sessionId, string operation, int attempt, TimeSpan delay);

    [LoggerMessage(EventId = 3104, Level = LogLevel.Warning, Message = "Session {SessionId}: {Operation} answered {Code}; counted as started")]
    public static partial void CountedAsStarted(ILogger logger, string sessionId, string operation, long code);

    [LoggerMessage(EventId = 3105, Level = LogLevel.Error, Message = "Session {SessionId}: {Operation} failed for good: {Error}")]
    public static partial void StartFailed(ILogger logger, string sessionId, string operation, string error);

    [LoggerMessage(EventId = 3106, Level = LogLevel.Warning,
        Message = "Session {SessionId}: the recording could not start and is not required; broadcasting without it")]
    public static partial void RecordingDegraded(ILogger logger, string sessionId);

    [LoggerMessage(EventId = 3107, Level = LogLevel.Critical,
        Message = "Session {SessionId}: {Operation} still failed after its retries; a push or recording may be left running: {Error}")]
    public static partial void StopFailed(ILogger logger, string sessionId, string operation, string error);

    [LoggerMessage(EventId = 3108, Level = LogLevel.Information,
        Message = "Session {SessionId}: {Operation} not sent: session {Holder} of the same anchor holds the stream, and its own stop ends it")]
    public static partial void StopLeftToHolder(ILogger logger, string sessionId, string operation, string holder);

    [LoggerMessage(EventId = 3201, Level = LogLevel.Information, Message = "Session {SessionId} created (start at {StartAt})")]
    public static partial void SessionCreated(ILogger logger, string sessionId, DateTimeOffset? startAt);

    [LoggerMessage(EventId = 3202, Level = LogLevel.Information, Message = "Session {SessionId} already exists with the same request")]
    public static partial void SessionRepeated(ILogger logger, string sessionId);

    [LoggerMessage(EventId = 3203, Level = LogLevel.Information, Message = "Session {SessionId} signalled {EventName}")]
    public static partial void SessionSignalled(ILogger logger, string sessionId, string eventName);

    [LoggerMessage(EventId = 3204, Level = LogLevel.Information, Message = "Room {RoomId} user {UserId}: {EventName} sent to {Count} session(s)")]
    public static partial void RoomSignalled(ILogger logger, uint roomId, string userId, string eventName, int count);

    [LoggerMessage(EventId = 3301, Level = LogLevel.Information, Message = "Schedule {ScheduleId} created: '{Cron}' in {TimeZone}")]
    public static partial void ScheduleCreated(ILogger logger, string scheduleId, string cron, string timeZone);

    [LoggerMessage(EventId = 3302, Level = LogLevel.Information, Message = "Schedule {ScheduleId} deleted")]
    public static partial void ScheduleDeleted(ILogger logger, string scheduleId);

    [LoggerMessage(EventId = 3303, Level = LogLevel.Information, Message = "Schedule {ScheduleId}: occurrence {Occurrence} created session {SessionId}")]
    public static partial void ScheduleOccurrence(ILogger logger, string scheduleId, DateTimeOffset occurrence, string sessionId);

    [LoggerMessage(EventId = 3304, Level = LogLevel.Error, Message = "Schedule {ScheduleId}: occurrence {Occurrence} created no session: {Error}")]
    public static partial void ScheduleOccurrenceFailed(ILogger logger, string scheduleId, DateTimeOffset occurrence, string error);

    [LoggerMessage(EventId = 3305, Level = LogLevel.Information, Message = "Schedule {ScheduleId} has no further occurrence and ends")]
    public static partial void ScheduleEnded(ILogger logger, string scheduleId);

    [LoggerMessage(EventId = 3306, Level = LogLevel.Warning,
        Message = "Schedule {ScheduleId}: {Count} missed occurrence(s) older than the catch-up window skipped, the latest {Latest}")]
    public static partial void ScheduleOccurrencesMissed(ILogger logger, string scheduleId, int count, DateTimeOffset latest);

    [LoggerMessage(EventId = 3307, Level = LogLevel.Information,
        Message = "Schedule {ScheduleId}: catch-up run for occurrence {Occurrence} ({Merged} earlier missed occurrence(s) merged into it)")]
    public static partial void ScheduleCatchUp(ILogger logger, string scheduleId, DateTimeOffset occurrence, int merged);

    [LoggerMessage(EventId = 3308, Level = LogLevel.Information,
        Message = "Schedule {ScheduleId}: occurrence {Occurrence} skipped, session {PreviousSessionId} still runs")]
    public static partial void ScheduleOccurrenceOverlaps(ILogger logger, string scheduleId, DateTimeOffset occurrence, string previousSessionId);

    [LoggerMessage(EventId = 3309, Level = LogLevel.Information,
        Message = "Schedule {ScheduleId}: occurrence {Occurrence} waits for session {PreviousSessionId} to end ({Policy})")]
    public static partial void ScheduleOccurrenceWaits(
        ILogger logger, string scheduleId, DateTimeOffset occurrence, string previousSessionId, ScheduleOverlapPolicy policy);

    [LoggerMessage(EventId = 3310, Level = LogLevel.Information, Message = "Schedule {ScheduleId} paused (waiting occurrence dropped: {Waiting})")]
    public static partial void SchedulePaused(ILogger logger, string scheduleId, DateTimeOffset? waiting);

    [LoggerMessage(EventId = 3311, Level = LogLevel.Information, Message = "Schedule {ScheduleId} resumed; {Missed} occurrence(s) fell in the pause")]
    public static partial void ScheduleResumed(ILogger logger, string scheduleId, int missed);

    [LoggerMessage(EventId = 3312, Level = LogLevel.Warning, Message = "Schedule {ScheduleId}: control event ignored: {Problem}")]
    public static partial void ScheduleControlIgnored(ILogger logger, string scheduleId, string problem);

    [LoggerMessage(EventId = 3313, Level = LogLevel.Information, Message = "Schedule {ScheduleId} sent {Action}")]
    public static partial void ScheduleControlled(ILogger logger, string scheduleId, ScheduleAction action);

    // 3501-3599: the anchor's presence (leaves, rejoins) and room signals.
    [LoggerMessage(EventId = 3501, Level = LogLevel.Information,
        Message = "Session {SessionId}: the anchor left the room; stopping at {Deadline} unless they rejoin")]
    public static partial void AnchorLeft(ILogger logger, string sessionId, DateTimeOffset deadline);

    [LoggerMessage(EventId = 3502, Level = LogLevel.Information, Message = "Session {SessionId}: the anchor rejoined the room after {Away}")]
    public static partial void AnchorRejoined(ILogger logger, string sessionId, TimeSpan away);

    [LoggerMessage(EventId = 3503, Level = LogLevel.Warning,
        Message = "Session {SessionId}: the anchor did not rejoin within the leave grace of {Grace}; stopping")]
    public static partial void AnchorLeftStop(ILogger logger, string sessionId, TimeSpan grace);

    [LoggerMessage(EventId = 3504, Level = LogLevel.Information,
        Message = "Session {SessionId}: {EventName} of room event {EventId} delivered from the backlog (it arrived before the session existed)")]
    public static partial void BacklogDelivered(ILogger logger, string sessionId, string eventName, string? eventId);
}

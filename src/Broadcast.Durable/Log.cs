using Microsoft.Extensions.Logging;

namespace Broadcast.Durable;

/// <summary>The engine's log messages; event ids are stable.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Durable engine started on {DatabasePath}: {ReadyInstances} instances with work, {PendingActivities} activities to run")]
    public static partial void EngineStarted(ILogger logger, string databasePath, int readyInstances, int pendingActivities);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "Durable engine stopped ({AbandonedActivities} activities left for recovery)")]
    public static partial void EngineStopped(ILogger logger, int abandonedActivities);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Error, Message = "A commit of {Commands} writes failed")]
    public static partial void CommitFailed(ILogger logger, Exception exception, int commands);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Error, Message = "A rollback failed")]
    public static partial void RollbackFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Error, Message = "A step of instance {InstanceId} could not be committed; it will be run again")]
    public static partial void StepCommitFailed(ILogger logger, Exception exception, string instanceId);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Debug, Message = "Instance {InstanceId} changed while a step ran; the step is run again")]
    public static partial void StepConflict(ILogger logger, string instanceId);

    [LoggerMessage(EventId = 3007, Level = LogLevel.Debug, Message = "Instance {InstanceId} ({Name}) is {Status}")]
    public static partial void InstanceFinished(ILogger logger, string instanceId, string name, OrchestrationRuntimeStatus status);

    [LoggerMessage(EventId = 3008, Level = LogLevel.Warning, Message = "Instance {InstanceId} ({Name}) failed: {Failure}")]
    public static partial void InstanceFailed(ILogger logger, string instanceId, string name, string failure);

    [LoggerMessage(EventId = 3009, Level = LogLevel.Debug, Message = "Activity {Name} (task {TaskId}) of instance {InstanceId} failed: {Failure}")]
    public static partial void ActivityFailed(ILogger logger, string instanceId, string name, int taskId, string failure);

    [LoggerMessage(EventId = 3010, Level = LogLevel.Error, Message = "The timer scan failed; it is tried again")]
    public static partial void TimerScanFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 3011, Level = LogLevel.Error, Message = "An activity result for instance {InstanceId} could not be committed; it is tried again in {RetryDelay}")]
    public static partial void ActivityCommitFailed(ILogger logger, Exception exception, string instanceId, TimeSpan retryDelay);

    [LoggerMessage(EventId = 3015, Level = LogLevel.Error, Message = "An activity result for instance {InstanceId} could not be committed, and the engine takes no more work; the activity will run again after a restart")]
    public static partial void ActivityCommitAbandoned(ILogger logger, Exception exception, string instanceId);

    [LoggerMessage(EventId = 3013, Level = LogLevel.Critical, Message = "Flushing the engine's commits to disk failed: the engine takes no more work and must be restarted")]
    public static partial void FlushFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 3012, Level = LogLevel.Error, Message = "Running a step of instance {InstanceId} failed unexpectedly")]
    public static partial void StepCrashed(ILogger logger, Exception exception, string instanceId);
}

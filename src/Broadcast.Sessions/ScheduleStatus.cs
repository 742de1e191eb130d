namespace Broadcast.Sessions;

/// <summary>Where a recurring schedule is.</summary>
public enum ScheduleStatus
{
    /// <summary>Waiting for its next occurrence.</summary>
    Active,

    /// <summary>Its cron expression has no further occurrence, or it was deleted (and is not yet forgotten).</summary>
    Ended,

    /// <summary>Its orchestration failed.</summary>
    Failed,

    /// <summary>Paused: no occurrence runs until it is resumed.</summary>
    Paused,
}

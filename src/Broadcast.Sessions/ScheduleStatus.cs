namespace Broadcast.Sessions;

/// <summary>Where a recurring schedule is.</summary>
public enum ScheduleStatus
{
    /// <summary>Waiting for its next occurrence.</summary>
    Active,

    /// <summary>Its cron expression has no further occurrence.</summary>
    Ended,

    /// <summary>Its orchestration failed or was ended by an operator.</summary>
    Failed,
}

namespace Broadcast.Sessions;

/// <summary>The external events a recurring schedule waits for.</summary>
public static class ScheduleEvents
{
    /// <summary>
    /// Pause or resume (<see cref="ScheduleControl"/>). One event name for both keeps them in the order they were
    /// sent, within one generation of the schedule and across continue-as-new.
    /// </summary>
    public const string Control = "ScheduleControl";
}

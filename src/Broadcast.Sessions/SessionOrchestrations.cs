namespace Broadcast.Sessions;

/// <summary>The registered names of the orchestrations.</summary>
public static class SessionOrchestrations
{
    /// <summary>One broadcast session: <see cref="BroadcastSessionOrchestrator"/>.</summary>
    public const string BroadcastSession = "BroadcastSession";

    /// <summary>An eternal recurring schedule: <see cref="RecurringScheduleOrchestrator"/>.</summary>
    public const string RecurringSchedule = "RecurringSchedule";
}

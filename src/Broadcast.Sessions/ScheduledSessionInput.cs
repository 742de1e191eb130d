namespace Broadcast.Sessions;

/// <summary>The input of <see cref="CreateScheduledSessionActivity"/>.</summary>
/// <param name="ScheduleId">The schedule.</param>
/// <param name="Occurrence">The occurrence (UTC); with the schedule id it makes the session's key.</param>
/// <param name="Template">The session to create.</param>
public sealed record ScheduledSessionInput(string ScheduleId, DateTimeOffset Occurrence, SessionRequest Template);

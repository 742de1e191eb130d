namespace Broadcast.Sessions;

/// <summary>The payload of the <see cref="ScheduleEvents.Control"/> event.</summary>
/// <param name="Action">Pause or resume.</param>
public sealed record ScheduleControl(ScheduleAction Action);

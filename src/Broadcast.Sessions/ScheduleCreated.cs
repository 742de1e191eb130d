namespace Broadcast.Sessions;

/// <summary>The answer to a schedule's create.</summary>
/// <param name="Schedule">The schedule as it runs.</param>
/// <param name="Created">False when the same request with the same id had already started it.</param>
public sealed record ScheduleCreated(ScheduleView Schedule, bool Created);

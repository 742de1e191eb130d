namespace Broadcast.Sessions;

/// <summary>What a <see cref="ScheduleControl"/> event asks of a recurring schedule.</summary>
public enum ScheduleAction
{
    /// <summary>Run no occurrence until resumed; an occurrence waiting for its previous session is dropped.</summary>
    Pause,

    /// <summary>Go on from now: the occurrences that fell in the pause are skipped, the next one is computed from now.</summary>
    Resume,
}

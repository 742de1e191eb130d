namespace Broadcast.Sessions;

/// <summary>What a recurring schedule does at an occurrence while the session of its previous occurrence still runs.</summary>
public enum ScheduleOverlapPolicy
{
    /// <summary>The default: the occurrence starts nothing and is recorded as skipped.</summary>
    Skip,

    /// <summary>The occurrence waits and starts as soon as the previous session ends; at most one waits, later ones are skipped.</summary>
    BufferOne,

    /// <summary>The previous session is cancelled (its push and recording stopped) and the occurrence starts once it has ended.</summary>
    CancelPrevious,

    /// <summary>Every occurrence starts its session, whatever else runs.</summary>
    AllowAll,
}

namespace Broadcast.Sessions;

/// <summary>Why an occurrence of a recurring schedule started no session.</summary>
public enum ScheduleSkipReason
{
    /// <summary>It was missed (the host was down or the schedule woke late) and is older than the catch-up window.</summary>
    OutsideCatchUpWindow,

    /// <summary>It was missed inside the catch-up window together with later ones: the single catch-up run stands for all of them.</summary>
    MergedIntoCatchUp,

    /// <summary>The previous session still ran (policy <see cref="ScheduleOverlapPolicy.Skip"/>, or another occurrence was already waiting).</summary>
    Overlap,

    /// <summary>The schedule was paused at its time (or the occurrence was waiting when the schedule was paused).</summary>
    Paused,
}

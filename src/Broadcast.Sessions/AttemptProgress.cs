namespace Broadcast.Sessions;

/// <summary>
/// How far one call's retries have gone, so that they can pause for another call and then go on where they were:
/// the attempt count, the first attempt's time (the give-up limit counts from it) and when the next attempt is due.
/// </summary>
internal sealed class AttemptProgress
{
    /// <summary>Pause once this many attempts have been made and the last one asks for a retry; null never pauses.</summary>
    public int? PauseAfter { get; set; }

    public int AttemptsMade { get; set; }

    public DateTimeOffset? FirstAt { get; set; }

    /// <summary>When the retries paused, the time their next attempt was due.</summary>
    public DateTimeOffset? NextAt { get; set; }

    /// <summary>When the retries paused, the vendor code of the attempt before the pause.</summary>
    public long? LastCode { get; set; }
}

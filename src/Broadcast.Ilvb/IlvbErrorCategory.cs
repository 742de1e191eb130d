namespace Broadcast.Ilvb;

/// <summary>What a caller should do about a failure (see the error policy in the README).</summary>
public enum IlvbErrorCategory
{
    /// <summary>Retry with backoff: the configured transient codes and transport failures.</summary>
    Transient,

    /// <summary>The vendor advises a retry ("may be caused by network problem"); stops always retry these.</summary>
    RetryAdvised,

    /// <summary>The wanted state holds already: push/recording already ended, or push already running.</summary>
    AlreadyDone,

    /// <summary>Cannot tell success from failure (30000415): treat as started.</summary>
    Ambiguous,

    /// <summary>Retrying will not help.</summary>
    Fatal,
}

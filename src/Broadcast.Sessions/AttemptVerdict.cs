namespace Broadcast.Sessions;

/// <summary>What the error policy makes of one call's outcome.</summary>
internal enum AttemptVerdict
{
    /// <summary>The wanted state holds.</summary>
    Succeeded,

    /// <summary>Try again, if the schedule allows.</summary>
    Retry,

    /// <summary>Give up now.</summary>
    Failed,
}

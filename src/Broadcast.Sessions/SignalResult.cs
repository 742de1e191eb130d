namespace Broadcast.Sessions;

/// <summary>What became of a signal.</summary>
public enum SignalResult
{
    /// <summary>The session has it (it is buffered until the session waits for it).</summary>
    Delivered,

    /// <summary>No such session.</summary>
    NotFound,

    /// <summary>The session has finished; the signal was not sent.</summary>
    AlreadyFinished,
}

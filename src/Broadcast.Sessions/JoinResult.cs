namespace Broadcast.Sessions;

/// <summary>How the wait for the anchor ended.</summary>
internal enum JoinResult
{
    Joined,
    TimedOut,
    Cancelled,
}

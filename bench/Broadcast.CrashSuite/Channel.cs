namespace Broadcast.CrashSuite;

/// <summary>How a session request reaches the host.</summary>
internal enum Channel
{
    Http,
    Queue,
}

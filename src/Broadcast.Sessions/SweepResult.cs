namespace Broadcast.Sessions;

/// <summary>What the sweeper made of one entry in one pass.</summary>
internal enum SweepResult
{
    Skipped,
    Stopped,
    Retrying,
    GivenUp,
}

namespace Broadcast.Sessions;

/// <summary>The step a running session is in.</summary>
internal enum SessionPhase
{
    Scheduled,
    WaitingForJoin,
    StartingPush,
    StartingRecording,
    Live,
    StoppingRecording,
    StoppingPush,
    Finished,
}

namespace Broadcast.Sessions;

/// <summary>The registered names of the activities.</summary>
public static class SessionActivities
{
    /// <summary><see cref="StartPushActivity"/>.</summary>
    public const string StartPush = "StartPush";

    /// <summary><see cref="StopPushActivity"/>.</summary>
    public const string StopPush = "StopPush";

    /// <summary><see cref="StartRecordingActivity"/>.</summary>
    public const string StartRecording = "StartRecording";

    /// <summary><see cref="StopRecordingActivity"/>.</summary>
    public const string StopRecording = "StopRecording";

    /// <summary><see cref="CreateScheduledSessionActivity"/>.</summary>
    public const string CreateScheduledSession = "CreateScheduledSession";
}

namespace Broadcast.Sessions;

/// <summary>How a session records.</summary>
public enum RecordingMode
{
    /// <summary>No recording.</summary>
    None,

    /// <summary>Recorded as part of the push (<c>uint32_tape_flag=1</c>); it ends with the push.</summary>
    Tape,

    /// <summary>A separate recording (sub-command 0x5) started after the push and stopped before it.</summary>
    Separate,
}

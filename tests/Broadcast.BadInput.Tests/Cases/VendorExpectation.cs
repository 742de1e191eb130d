namespace Broadcast.BadInput.Tests;

/// <summary>What a session does with a vendor answer it cannot use.</summary>
public enum VendorExpectation
{
    /// <summary>Every attempt meets the fault: the session fails with the error and stops whatever may have started.</summary>
    SessionFails,

    /// <summary>A few attempts meet the fault, a later one works: the session goes on and its timeline shows the error.</summary>
    SessionRecovers,

    /// <summary>The recording is not required: the session broadcasts without it and shows itself degraded with the error.</summary>
    RecordingDegraded,

    /// <summary>The answer is a success with an unreadable optional member: the session goes live first time, with its URLs.</summary>
    SessionUnharmed,
}

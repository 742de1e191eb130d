namespace Broadcast.Sessions;

/// <summary>What a leak ledger entry may leave running at the vendor.</summary>
public enum LeakKind
{
    /// <summary>The push (0x6); with the tape flag it carries the tape recording, which ends with it.</summary>
    Push,

    /// <summary>A separate recording (0x5).</summary>
    Recording,
}

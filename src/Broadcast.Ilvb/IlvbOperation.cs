namespace Broadcast.Ilvb;

/// <summary>The four videorelay operations.</summary>
public enum IlvbOperation
{
    /// <summary>0x6, <c>uint32_oper=1</c>.</summary>
    StartPush,

    /// <summary>0x6, <c>uint32_oper=2</c>.</summary>
    StopPush,

    /// <summary>0x5, <c>uint32_oper=1</c>.</summary>
    StartRecording,

    /// <summary>0x5, <c>uint32_oper=2</c>.</summary>
    StopRecording,
}

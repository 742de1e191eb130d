namespace Broadcast.Ilvb.Simulator;

/// <summary>The four videorelay operations the simulator serves (sub-command and <c>uint32_oper</c>).</summary>
public enum SimOperation
{
    /// <summary>Sub-command 0x6, <c>uint32_oper=1</c>.</summary>
    StartPush,

    /// <summary>Sub-command 0x6, <c>uint32_oper=2</c>.</summary>
    StopPush,

    /// <summary>Sub-command 0x5, <c>uint32_oper=1</c>.</summary>
    StartRecording,

    /// <summary>Sub-command 0x5, <c>uint32_oper=2</c>.</summary>
    StopRecording,
}

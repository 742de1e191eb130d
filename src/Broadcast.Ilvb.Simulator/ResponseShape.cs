namespace Broadcast.Ilvb.Simulator;

/// <summary>How the simulator lays out <c>rspbody</c>; the seeds are ambiguous, so clients must read both.</summary>
public enum ResponseShape
{
    /// <summary><c>"rspbody":{"rsp_0x6":{...}}</c> (or <c>rsp_0x5</c>).</summary>
    Wrapped,

    /// <summary><c>"rspbody":{...}</c>: the operation's fields directly inside <c>rspbody</c>.</summary>
    Flat,

    /// <summary>Wrapped and flat in turn, starting with wrapped.</summary>
    Alternating,
}

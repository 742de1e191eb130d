namespace Broadcast.Ilvb.Simulator;

/// <summary>Which faults a <see cref="RandomFaults"/> plan may pick from.</summary>
[Flags]
public enum RandomFaultKinds
{
    /// <summary>Nothing.</summary>
    None = 0,

    /// <summary>A transient body code: 40000207 or 40000208 for pushes, 30000208 for recordings (before processing).</summary>
    TransientCode = 1,

    /// <summary>HTTP 500 (before processing).</summary>
    HttpError = 2,

    /// <summary>A dropped connection, before or after processing (chosen at random too).</summary>
    Drop = 4,

    /// <summary>Extra latency up to <see cref="RandomFaults.MaxLatency"/> (the answer itself is normal).</summary>
    Latency = 8,

    /// <summary>Every kind.</summary>
    All = TransientCode | HttpError | Drop | Latency,
}

namespace Broadcast.Ilvb.Simulator;

/// <summary>One videorelay call as the simulator saw and answered it.</summary>
/// <param name="Time">When the call arrived.</param>
/// <param name="Operation">The operation, when the body named one.</param>
/// <param name="RoomId">The room (<c>uint32_auth_key</c>), when readable.</param>
/// <param name="UserId">The account (<c>rpt_to_Account[0]</c>), when readable.</param>
/// <param name="Seq">The request's <c>uint32_seq</c>, when readable.</param>
/// <param name="ResultCode">
/// The code the call produced: a negative header code, a body code, or 0 for success;
/// null when neither the simulator's logic nor an injected code produced one (HTTP error, drop,
/// malformed body before processing, or the caller went away).
/// </param>
/// <param name="Processed">Whether the simulator's logic ran (state may have changed), even if the caller got a fault.</param>
/// <param name="Fault">The fault applied instead of (or after) the normal answer, if any.</param>
/// <param name="Delay">Time the call was held: latency plus injected delays.</param>
public sealed record CallRecord(
    DateTimeOffset Time,
    SimOperation? Operation,
    uint? RoomId,
    string? UserId,
    uint? Seq,
    long? ResultCode,
    bool Processed,
    FaultKind? Fault,
    TimeSpan Delay);

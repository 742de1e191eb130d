namespace Broadcast.Ilvb.Simulator;

/// <summary>One fault to apply to one call.</summary>
internal sealed record FaultSpec(FaultKind Kind, FaultTiming Timing, long Code = 0, int Status = 0, TimeSpan Delay = default);

namespace Broadcast.Ilvb.Simulator;

/// <summary>
/// What the fault plan decided for one call: a fault (or none), how long to hold the call before
/// and after processing, and whether an injected delay (not just the plan's latency) is part of it.
/// </summary>
internal sealed record FaultDecision(FaultSpec? Fault, TimeSpan DelayBefore, TimeSpan DelayAfter, bool Delayed)
{
    /// <summary>The fault kind for the call log: the fault, else <see cref="FaultKind.Delay"/> when delayed.</summary>
    public FaultKind? Kind => Fault?.Kind ?? (Delayed ? FaultKind.Delay : null);
}

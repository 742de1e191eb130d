namespace Broadcast.Ilvb.Simulator;

/// <summary>The kind of fault a <see cref="FaultRequest"/> configures.</summary>
public enum FaultRequestKind
{
    /// <summary><see cref="FaultPlan.FailNext"/>: <c>operation</c>, <c>code</c>, <c>count</c>.</summary>
    Fail,

    /// <summary><see cref="FaultPlan.HttpErrorNext"/>: <c>operation</c>, <c>status</c> (default 500), <c>count</c>, <c>timing</c>.</summary>
    HttpError,

    /// <summary><see cref="FaultPlan.DropNext"/>: <c>operation</c>, <c>count</c>, <c>timing</c>.</summary>
    Drop,

    /// <summary><see cref="FaultPlan.DelayNext"/>: <c>operation</c>, <c>delayMs</c>, <c>count</c>, <c>timing</c>.</summary>
    Delay,

    /// <summary><see cref="FaultPlan.MalformedNext"/>: <c>operation</c>, <c>count</c>, <c>timing</c>.</summary>
    Malformed,

    /// <summary><see cref="FaultPlan.WrongSequenceNext"/>: <c>operation</c>, <c>count</c>.</summary>
    WrongSequence,

    /// <summary><see cref="FaultPlan.SetRandom"/>: <c>rate</c>, <c>seed</c>, <c>kinds</c>, <c>maxLatencyMs</c>, <c>operations</c>.</summary>
    Random,

    /// <summary><see cref="FaultPlan.Latency"/>: <c>delayMs</c> added to every call.</summary>
    Latency,
}

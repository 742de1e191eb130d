namespace Broadcast.Ilvb.Simulator;

/// <summary>
/// The body of <c>POST /control/faults</c> (camelCase JSON, enums as names), e.g.
/// <c>{"kind":"fail","operation":"StartPush","code":40000208,"count":2}</c> or
/// <c>{"kind":"random","rate":0.2,"seed":7,"kinds":["TransientCode","Drop"]}</c>.
/// </summary>
public sealed record FaultRequest
{
    /// <summary>What to configure.</summary>
    public FaultRequestKind? Kind { get; init; }

    /// <summary>The operation a queued fault targets.</summary>
    public SimOperation? Operation { get; init; }

    /// <summary>For <see cref="FaultRequestKind.Fail"/>: a positive body code or a negative header code.</summary>
    public long? Code { get; init; }

    /// <summary>For <see cref="FaultRequestKind.HttpError"/>: the HTTP status (400-599, default 500).</summary>
    public int? Status { get; init; }

    /// <summary>How many calls the fault strikes (default 1).</summary>
    public int? Count { get; init; }

    /// <summary>Before or after processing (default before).</summary>
    public FaultTiming? Timing { get; init; }

    /// <summary>For <see cref="FaultRequestKind.Delay"/> and <see cref="FaultRequestKind.Latency"/>: milliseconds.</summary>
    public int? DelayMs { get; init; }

    /// <summary>For <see cref="FaultRequestKind.Random"/>: probability in [0, 1].</summary>
    public double? Rate { get; init; }

    /// <summary>For <see cref="FaultRequestKind.Random"/>: the seed (default 0).</summary>
    public int? Seed { get; init; }

    /// <summary>For <see cref="FaultRequestKind.Random"/>: the kinds to pick from (default all).</summary>
    public IReadOnlyList<RandomFaultKinds>? Kinds { get; init; }

    /// <summary>For <see cref="FaultRequestKind.Random"/>: the most latency a latency fault adds, in milliseconds.</summary>
    public int? MaxLatencyMs { get; init; }

    /// <summary>For <see cref="FaultRequestKind.Random"/>: the operations faulted (default all).</summary>
    public IReadOnlyList<SimOperation>? Operations { get; init; }
}

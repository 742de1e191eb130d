namespace Broadcast.Ilvb.Simulator;

/// <summary>
/// Faults on demand, per operation. Thread-safe. Queued faults strike the next calls of their
/// operation in the order they were queued, one per call; delays are queued apart and combine with
/// them (a call can be delayed and then dropped). When no queued fault is due, the random plan
/// (if set) may pick one. <see cref="Latency"/> is added to every call.
/// </summary>
/// <remarks>
/// Faults consult the operation named by the body (sub-command and <c>uint32_oper</c>), before any
/// validation, so even an otherwise invalid request meets them.
/// </remarks>
public sealed class FaultPlan
{
    private readonly Lock gate = new();
    private readonly Dictionary<SimOperation, LinkedList<Pending>> faults = [];
    private readonly Dictionary<SimOperation, LinkedList<Pending>> delays = [];
    private RandomFaults? random;
    private Random? rng;
    private TimeSpan latency;

    /// <summary>Latency added to every videorelay call (before processing). Zero by default.</summary>
    public TimeSpan Latency
    {
        get
        {
            lock (gate)
            {
                return latency;
            }
        }

        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero);
            lock (gate)
            {
                latency = value;
            }
        }
    }

    /// <summary>The random plan in force, if any.</summary>
    public RandomFaults? Random
    {
        get
        {
            lock (gate)
            {
                return random;
            }
        }
    }

    /// <summary>
    /// The next <paramref name="count"/> calls answer <paramref name="code"/> without acting:
    /// a positive code in <c>rspbody.uint32_result</c>, a negative one as the header's <c>uint32_result</c>.
    /// </summary>
    public void FailNext(SimOperation op, long code, int count = 1)
    {
        if (code == 0 || code > uint.MaxValue || code < int.MinValue)
        {
            throw new ArgumentOutOfRangeException(nameof(code), code, "A fault code must be non-zero: a positive body code or a negative header code.");
        }

        Enqueue(faults, op, count, new FaultSpec(code > 0 ? FaultKind.BodyCode : FaultKind.HeaderCode, FaultTiming.BeforeProcessing, Code: code));
    }

    /// <summary>The next <paramref name="count"/> calls answer HTTP <paramref name="status"/> with no protocol body.</summary>
    public void HttpErrorNext(SimOperation op, int status = 500, int count = 1, FaultTiming timing = FaultTiming.BeforeProcessing)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(status, 400);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(status, 599);
        Enqueue(faults, op, count, new FaultSpec(FaultKind.HttpError, timing, Status: status));
    }

    /// <summary>The next <paramref name="count"/> calls have their connection aborted mid-response.</summary>
    public void DropNext(SimOperation op, int count = 1, FaultTiming timing = FaultTiming.BeforeProcessing) =>
        Enqueue(faults, op, count, new FaultSpec(FaultKind.Drop, timing));

    /// <summary>The next <paramref name="count"/> calls are held for <paramref name="delay"/> before or after processing.</summary>
    public void DelayNext(SimOperation op, TimeSpan delay, int count = 1, FaultTiming timing = FaultTiming.BeforeProcessing)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        Enqueue(delays, op, count, new FaultSpec(FaultKind.Delay, timing, Delay: delay));
    }

    /// <summary>The next <paramref name="count"/> calls get a truncated, non-JSON body with status 200.</summary>
    public void MalformedNext(SimOperation op, int count = 1, FaultTiming timing = FaultTiming.BeforeProcessing) =>
        Enqueue(faults, op, count, new FaultSpec(FaultKind.Malformed, timing));

    /// <summary>The next <paramref name="count"/> calls are processed normally but echo a different <c>uint32_seq</c>.</summary>
    public void WrongSequenceNext(SimOperation op, int count = 1) =>
        Enqueue(faults, op, count, new FaultSpec(FaultKind.WrongSequence, FaultTiming.AfterProcessing));

    /// <summary>Sets (or with null, removes) the random plan; its sequence restarts from the seed.</summary>
    public void SetRandom(RandomFaults? faults)
    {
        faults?.Validate();
        lock (gate)
        {
            random = faults;
            rng = faults is null ? null : new Random(faults.Seed);
        }
    }

    /// <summary>How many queued faults and delays are still due for <paramref name="op"/>.</summary>
    public int PendingCount(SimOperation op)
    {
        lock (gate)
        {
            return Count(faults, op) + Count(delays, op);
        }
    }

    /// <summary>Removes every queued fault, the random plan and the latency.</summary>
    public void Clear()
    {
        lock (gate)
        {
            faults.Clear();
            delays.Clear();
            random = null;
            rng = null;
            latency = TimeSpan.Zero;
        }
    }

    internal FaultDecision Next(SimOperation? op)
    {
        lock (gate)
        {
            if (op is not { } operation)
            {
                return new FaultDecision(null, latency, TimeSpan.Zero, Delayed: false);
            }

            var fault = Take(faults, operation) ?? Roll(operation);
            var delay = Take(delays, operation);
            var before = latency;
            var after = TimeSpan.Zero;
            if (delay is not null)
            {
                if (delay.Timing == FaultTiming.BeforeProcessing)
                {
                    before += delay.Delay;
                }
                else
                {
                    after += delay.Delay;
                }
            }

            var delayed = delay is not null;
            if (fault is { Kind: FaultKind.Delay })
            {
                before += fault.Delay;
                fault = null;
                delayed = true;
            }

            return new FaultDecision(fault, before, after, delayed);
        }
    }

    private FaultSpec? Roll(SimOperation op)
    {
        if (random is null || rng is null || (random.Operations is { } ops && !ops.Contains(op)))
        {
            return null;
        }

        if (rng.NextDouble() >= random.Rate)
        {
            return null;
        }

        var kinds = Enum.GetValues<RandomFaultKinds>()
            .Where(k => k is not (RandomFaultKinds.None or RandomFaultKinds.All) && random.Kinds.HasFlag(k))
            .ToArray();
        return kinds[rng.Next(kinds.Length)] switch
        {
            RandomFaultKinds.TransientCode => new FaultSpec(FaultKind.BodyCode, FaultTiming.BeforeProcessing, Code: TransientCode(op)),
            RandomFaultKinds.HttpError => new FaultSpec(FaultKind.HttpError, FaultTiming.BeforeProcessing, Status: 500),
            RandomFaultKinds.Drop => new FaultSpec(FaultKind.Drop, rng.Next(2) == 0 ? FaultTiming.BeforeProcessing : FaultTiming.AfterProcessing),
            _ => new FaultSpec(FaultKind.Delay, FaultTiming.BeforeProcessing, Delay: random.MaxLatency * rng.NextDouble()),
        };
    }

    private long TransientCode(SimOperation op) =>
        op is SimOperation.StartRecording or SimOperation.StopRecording
            ? 30000208
            : rng!.Next(2) == 0 ? 40000207 : 40000208;

    private void Enqueue(Dictionary<SimOperation, LinkedList<Pending>> lanes, SimOperation op, int count, FaultSpec spec)
    {
        if (!Enum.IsDefined(op))
        {
            throw new ArgumentOutOfRangeException(nameof(op), op, "Unknown operation.");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        CheckTiming(spec.Timing);
        lock (gate)
        {
            if (!lanes.TryGetValue(op, out var lane))
            {
                lane = new LinkedList<Pending>();
                lanes[op] = lane;
            }

            lane.AddLast(new Pending(spec, count));
        }
    }

    private static void CheckTiming(FaultTiming timing)
    {
        if (!Enum.IsDefined(timing))
        {
            throw new ArgumentOutOfRangeException(nameof(timing), timing, "Unknown fault timing.");
        }
    }

    private static FaultSpec? Take(Dictionary<SimOperation, LinkedList<Pending>> lanes, SimOperation op)
    {
        if (!lanes.TryGetValue(op, out var lane) || lane.First is not { } first)
        {
            return null;
        }

        first.Value.Remaining--;
        if (first.Value.Remaining == 0)
        {
            lane.RemoveFirst();
        }

        return first.Value.Spec;
    }

    private static int Count(Dictionary<SimOperation, LinkedList<Pending>> lanes, SimOperation op) =>
        lanes.TryGetValue(op, out var lane) ? lane.Sum(p => p.Remaining) : 0;

    private sealed class Pending(FaultSpec spec, int remaining)
    {
        public FaultSpec Spec { get; } = spec;

        public int Remaining { get; set; } = remaining;
    }
}

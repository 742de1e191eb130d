namespace Broadcast.Ilvb.Simulator;

/// <summary>Applies a control-API <see cref="FaultRequest"/> to a <see cref="FaultPlan"/>, or says which field is wrong.</summary>
internal static class FaultRequestApplier
{
    /// <returns>Null when applied, else a message naming the offending field.</returns>
    public static string? Apply(FaultRequest request, FaultPlan plan)
    {
        if (request.Kind is not { } kind)
        {
            return "'kind' is required: fail, httpError, drop, delay, malformed, wrongSequence, random or latency";
        }

        var count = request.Count ?? 1;
        if (count <= 0)
        {
            return "'count' must be at least 1";
        }

        if (kind is FaultRequestKind.Random)
        {
            return ApplyRandom(request, plan);
        }

        if (kind is FaultRequestKind.Latency)
        {
            if (request.DelayMs is not ({ } ms and >= 0))
            {
                return "'delayMs' is required for latency and must not be negative";
            }

            plan.Latency = TimeSpan.FromMilliseconds(ms);
            return null;
        }

        if (request.Operation is not { } op || !Enum.IsDefined(op))
        {
            return "'operation' is required: StartPush, StopPush, StartRecording or StopRecording";
        }

        var timing = request.Timing ?? FaultTiming.BeforeProcessing;
        if (!Enum.IsDefined(timing))
        {
            return "'timing' must be BeforeProcessing or AfterProcessing";
        }

        switch (kind)
        {
            case FaultRequestKind.Fail when request.Code is not ({ } code and not 0 and <= uint.MaxValue and >= int.MinValue):
                return "'code' is required for fail: a positive body code or a negative header code";
            case FaultRequestKind.Fail:
                plan.FailNext(op, request.Code!.Value, count);
                return null;
            case FaultRequestKind.HttpError when request.Status is { } status and (< 400 or > 599):
                return "'status' must be an HTTP error status (400-599)";
            case FaultRequestKind.HttpError:
                plan.HttpErrorNext(op, request.Status ?? 500, count, timing);
                return null;
            case FaultRequestKind.Drop:
                plan.DropNext(op, count, timing);
                return null;
            case FaultRequestKind.Delay when request.DelayMs is not ({ } delay and >= 0):
                return "'delayMs' is required for delay and must not be negative";
            case FaultRequestKind.Delay:
                plan.DelayNext(op, TimeSpan.FromMilliseconds(request.DelayMs!.Value), count, timing);
                return null;
            case FaultRequestKind.Malformed:
                plan.MalformedNext(op, count, timing);
                return null;
            case FaultRequestKind.WrongSequence:
                plan.WrongSequenceNext(op, count);
                return null;
            default:
                return $"'kind' {kind} is not supported";
        }
    }

    private static string? ApplyRandom(FaultRequest request, FaultPlan plan)
    {
        if (request.Rate is not { } rate || double.IsNaN(rate) || rate is < 0 or > 1)
        {
            return "'rate' is required for random and must be between 0 and 1";
        }

        if (request.MaxLatencyMs is < 0)
        {
            return "'maxLatencyMs' must not be negative";
        }

        var kinds = request.Kinds is { Count: > 0 } list
            ? list.Aggregate(RandomFaultKinds.None, (all, k) => all | k)
            : RandomFaultKinds.All;
        if ((kinds & RandomFaultKinds.All) == RandomFaultKinds.None)
        {
            return "'kinds' must name at least one of TransientCode, HttpError, Drop, Latency";
        }

        var random = new RandomFaults(rate, request.Seed ?? 0, kinds)
        {
            Operations = request.Operations is { Count: > 0 } ops ? ops : null,
        };
        if (request.MaxLatencyMs is { } maxMs)
        {
            random = random with { MaxLatency = TimeSpan.FromMilliseconds(maxMs) };
        }

        plan.SetRandom(random);
        return null;
    }
}

using Broadcast.Durable;
using Broadcast.Ilvb.Simulator;
using Broadcast.Sessions;

namespace Broadcast.CrashSuite;

/// <summary>
/// The promises, checked against the evidence: no session lost (count in = count out), every session ended with an
/// outcome, nothing live at the vendor, every push and recording that started was stopped, and no push started twice
/// (nor a start sent again once the session had taken its success).
/// </summary>
internal static class Checks
{
    public const string Lost = "no session lost";
    public const string Final = "every session reached a final outcome";
    public const string NothingLive = "nothing live at the vendor";
    public const string StartsStopped = "every successful start followed by a stop";
    public const string NoDoubleStart = "no push started twice";
    public const string SignalsTaken = "every join signal sent in time was taken";
    public const string DriverPlayed = "every request and signal was answered";
    public const string HostRan = "the host ran until killed";
    public const string RanAsAsked = "every kill done (some while a vendor answer was held) and every fault kind injected";

    /// <summary>The fault kinds the simulator's random faults inject; each must show in the call log of a faulted run.</summary>
    private static readonly FaultKind[] InjectedKinds = [FaultKind.BodyCode, FaultKind.HttpError, FaultKind.Drop, FaultKind.Delay];

    /// <summary>
    /// How long before a session gives up waiting its join signal must have been sent (host downtime excluded) to
    /// count as in time: queue polling, retry delays and the step itself take a few seconds on a loaded machine.
    /// </summary>
    private static readonly TimeSpan SignalSlack = TimeSpan.FromSeconds(10);

    public static IReadOnlyList<Violation> Run(Evidence evidence, HostProcess host, Killer killer, SuiteOptions options)
    {
        var bySession = evidence.Traces.ToDictionary(trace => trace.Plan.SessionId, StringComparer.Ordinal);
        var byAnchor = evidence.Traces.ToDictionary(trace => (trace.Plan.RoomId, trace.Plan.UserId));
        var violations = new List<Violation>();
        CheckCounts(evidence, bySession, violations);
        CheckOutcomes(evidence, violations);
        CheckLive(evidence, byAnchor, violations);
        CheckCallLog(evidence, byAnchor, violations);
        CheckSignals(evidence, host, violations);
        violations.AddRange(evidence.Traces.Where(trace => trace.Error is not null)
            .Select(trace => new Violation(DriverPlayed, trace.Plan.SessionId, $"the driver could not finish it: {trace.Error}")));
        violations.AddRange(host.UnplannedExits.Select(exit => new Violation(HostRan, "host", exit)));
        CheckRanAsAsked(evidence, host, killer, options, violations);
        return violations;
    }

    /// <summary>A run that killed less or faulted less than asked proves less than it prints.</summary>
    private static void CheckRanAsAsked(Evidence evidence, HostProcess host, Killer killer, SuiteOptions options, List<Violation> violations)
    {
        if (host.Starts - 1 < options.Kills)
        {
            violations.Add(new Violation(RanAsAsked, "host", $"{host.Starts - 1} of the {options.Kills} planned kills were done"));
        }

        // A few aimed kills can all fall where no push starts or stops; several that all miss mean the aim is broken.
        var aimed = killer.Aims.Values.Sum(aim => aim.Aimed);
        if (aimed >= 3 && killer.Aims.Values.Sum(aim => aim.Landed) == 0)
        {
            violations.Add(new Violation(RanAsAsked, "host", $"none of the {aimed} aimed kills landed while a vendor answer was held"));
        }

        if (options.FaultRate <= 0)
        {
            return;
        }

        // The aimed kills' held answers are delays too; only the random ones (far shorter) count here.
        foreach (var kind in InjectedKinds.Where(kind => !evidence.Calls.Any(call => call.Fault == kind && (kind != FaultKind.Delay || call.Delay < Killer.Hold))))
        {
            violations.Add(new Violation(RanAsAsked, "simulator", $"no {kind} fault was injected in {evidence.Calls.Count} calls at rate {options.FaultRate}"));
        }
    }

    /// <summary>A session that timed out waiting although its join signal reached the host well before: a lost signal.</summary>
    private static void CheckSignals(Evidence evidence, HostProcess host, List<Violation> violations)
    {
        var views = evidence.Sessions.ToDictionary(view => view.Id, StringComparer.Ordinal);
        foreach (var trace in evidence.Traces)
        {
            if (trace.JoinSentAt is not { } sent
                || !views.TryGetValue(trace.Plan.SessionId, out var view)
                || view.Result is not { Outcome: SessionOutcome.JoinTimedOut } result)
            {
                continue;
            }

            var down = host.DownBetween(sent, result.EndedAt);
            if (result.EndedAt - sent - down > SignalSlack)
            {
                violations.Add(new Violation(SignalsTaken, view.Id,
                    $"its join signal ({trace.Plan.JoinVia}: {trace.Join}) was sent at {sent:HH:mm:ss.fff}, yet it timed out waiting at " +
                    $"{result.EndedAt:HH:mm:ss.fff} ({(result.EndedAt - sent).TotalSeconds:0.0} s later, {down.TotalSeconds:0.0} s of it with the host down)"));
            }
        }
    }

    private static void CheckCounts(Evidence evidence, Dictionary<string, SessionTrace> bySession, List<Violation> violations)
    {
        var seen = evidence.Sessions.Select(view => view.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var trace in evidence.Traces.Where(trace => !seen.Contains(trace.Plan.SessionId)))
        {
            var how = trace.Requested ? $"requested over {trace.Plan.CreateVia}" : "never requested";
            violations.Add(new Violation(Lost, trace.Plan.SessionId, $"the host does not have it ({how}{(trace.Error is null ? "" : "; " + trace.Error)})"));
        }

        foreach (var extra in seen.Where(id => !bySession.ContainsKey(id)))
        {
            violations.Add(new Violation(Lost, extra, "the host has a session the suite never asked for"));
        }

        foreach (var poison in evidence.SessionRequestsPoison)
        {
            var request = TryRead<SessionRequest>(poison.Message);
            var id = request?.Key is null ? poison.MessageId : SessionIds.ForSession(request.RoomId, request.UserId, request.Key);
            violations.Add(new Violation(Lost, id, $"its request went to session-requests-poison: {poison.Error}"));
        }
    }

    private static void CheckOutcomes(Evidence evidence, List<Violation> violations)
    {
        foreach (var view in evidence.Sessions)
        {
            if (view.Result is not { } result)
            {
                violations.Add(new Violation(Final, view.Id, $"still {view.Status} (phase {view.Phase}){(view.Error is null ? "" : ": " + view.Error)}"));
            }
            else if (result.Outcome == SessionOutcome.StopFailed)
            {
                violations.Add(new Violation(Final, view.Id, $"StopFailed: {result.Error}"));
            }
            else if (result.Outcome == SessionOutcome.Failed && result.Error is not ({ Category: Ilvb.IlvbErrorCategory.Transient } or { OutcomeUnknown: true }))
            {
                // Every fault the simulator injects is transient or leaves the outcome unknown, and the anchor is always in the
                // room when it joins: a session failed on anything else is an answer the host misread. (Retries run out only
                // on a transient failure, which high fault rates make likely.)
                violations.Add(new Violation(Final, view.Id, $"Failed although every injected fault was transient: {result.Error}"));
            }
        }
    }

    private static void CheckLive(Evidence evidence, Dictionary<(uint, string), SessionTrace> byAnchor, List<Violation> violations)
    {
        foreach (var push in evidence.Live.Pushes)
        {
            violations.Add(new Violation(NothingLive, Name(byAnchor, push.RoomId, push.UserId), $"push still live (channel {push.ChannelId}, since {push.StartedAt:O})"));
        }

        foreach (var recording in evidence.Live.Recordings)
        {
            violations.Add(new Violation(NothingLive, Name(byAnchor, recording.RoomId, recording.UserId), $"recording still running (since {recording.StartedAt:O})"));
        }
    }

    private static void CheckCallLog(Evidence evidence, Dictionary<(uint, string), SessionTrace> byAnchor, List<Violation> violations)
    {
        var liveAt = evidence.Sessions.Where(view => view.Result?.LiveAt is not null)
            .ToDictionary(view => view.Id, view => view.Result!.LiveAt!.Value, StringComparer.Ordinal);
        var anchors = evidence.Calls
            .Where(call => call is { RoomId: not null, UserId: not null, Operation: not null })
            .GroupBy(call => (call.RoomId!.Value, call.UserId!));
        foreach (var calls in anchors)
        {
            var name = Name(byAnchor, calls.Key.Item1, calls.Key.Item2);
            var ordered = calls.OrderBy(call => call.Time).ToList();
            var pushStarts = ordered.Where(call => IsStarted(call, SimOperation.StartPush)).ToList();
            if (pushStarts.Count > 1)
            {
                violations.Add(new Violation(NoDoubleStart, name,
                    $"the vendor started its push {pushStarts.Count} times (at {string.Join(", ", pushStarts.Select(call => call.Time.ToString("HH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture)))})"));
            }

            // Once the session's step has taken the push's success (its live time), no start of its may reach the vendor again:
            // that step is in the final history, so its commit held, and re-running a committed call is what must never happen.
            if (byAnchor.TryGetValue(calls.Key, out var owner) && liveAt.TryGetValue(owner.Plan.SessionId, out var live)
                && ordered.FirstOrDefault(call => call.Operation == SimOperation.StartPush && call.Time > live) is { } late)
            {
                violations.Add(new Violation(NoDoubleStart, name,
                    $"a push start reached the vendor at {late.Time:HH:mm:ss.fff} (answered {late.ResultCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? late.Fault?.ToString() ?? "nothing"}), " +
                    $"after the session had recorded its push live at {live:HH:mm:ss.fff}"));
            }

            CheckStopped(name, ordered, SimOperation.StartPush, SimOperation.StopPush, "push", violations);
            CheckStopped(name, ordered, SimOperation.StartRecording, SimOperation.StopRecording, "recording", violations);
            if (owner is not null && owner.Plan.JoinAfter is null && pushStarts.Count > 0)
            {
                violations.Add(new Violation(StartsStopped, name, "a push started although the anchor never joined"));
            }
        }
    }

    private static void CheckStopped(string name, List<CallRecord> calls, SimOperation start, SimOperation stop, string what, List<Violation> violations)
    {
        foreach (var started in calls.Where(call => IsStarted(call, start)))
        {
            var stopped = calls.Any(call => call.Operation == stop && call.Processed && call.ResultCode == 0 && call.Time >= started.Time);
            if (!stopped)
            {
                violations.Add(new Violation(StartsStopped, name, $"the {what} started at {started.Time:O} was never stopped"));
            }
        }
    }

    /// <summary>The vendor acted on the start and it succeeded, whatever the caller got to see (a drop after processing included).</summary>
    private static bool IsStarted(CallRecord call, SimOperation operation) =>
        call.Operation == operation && call.Processed && call.ResultCode == 0;

    private static string Name(Dictionary<(uint, string), SessionTrace> byAnchor, uint roomId, string userId) =>
        byAnchor.TryGetValue((roomId, userId), out var trace) ? trace.Plan.SessionId : $"room {roomId} / user {userId} (no session of the suite)";

    private static T? TryRead<T>(string json)
    {
        try
        {
            return DurableJson.Deserialize<T>(json);
        }
        catch (System.Text.Json.JsonException)
        {
            return default;
        }
    }
}

using Broadcast.Ilvb.Simulator;
using Broadcast.Sessions;

namespace Broadcast.CrashSuite;

/// <summary>The closing report: what ran, what the vendor saw, each check with its verdict, and every violation by session.</summary>
internal static class Summary
{
    public static void Print(SuiteOptions options, Evidence evidence, IReadOnlyList<Violation> violations, HostProcess host, HostApi api, TimeSpan elapsed)
    {
        var traces = evidence.Traces;
        var outcomes = evidence.Sessions.Where(view => view.Result is not null)
            .GroupBy(view => view.Result!.Outcome)
            .OrderBy(group => group.Key)
            .Select(group => $"{group.Key} {group.Count()}");
        var faults = evidence.Calls.Where(call => call.Fault is not null)
            .GroupBy(call => call.Fault!.Value)
            .OrderBy(group => group.Key)
            .Select(group => $"{group.Key} {group.Count()}");
        var resends = evidence.Calls.Count(call => call is { Operation: SimOperation.StartPush, ResultCode: 40000415 });

        Console.WriteLine();
        Console.WriteLine("Crash and fault suite: summary");
        Console.WriteLine($"  seed {options.Seed}, {options.Sessions} sessions, fault rate {options.FaultRate}, {elapsed.TotalSeconds:0} s in all");
        Console.WriteLine($"  requests   {traces.Count(t => t.Plan.CreateVia == Channel.Http)} over HTTP ({traces.Count(t => t.CreateRepeated)} answered as repeats after a crash), " +
                          $"{traces.Count(t => t.Plan.CreateVia == Channel.Queue)} over the queue");
        Console.WriteLine($"  signals    {traces.Count(t => t.Join is not null)} joins, {traces.Count(t => t.Cancel is not null)} cancels; " +
                          $"{api.Retries} HTTP calls re-sent while the host was down");
        Console.WriteLine($"  host       {host.Starts} starts ({host.Starts - 1} after SIGKILL), {host.Downtime.TotalSeconds:0.0} s down in all");
        Console.WriteLine($"  outcomes   {string.Join(", ", outcomes)}");
        Console.WriteLine($"  vendor     {evidence.Calls.Count} calls; faults injected: {string.Join(", ", faults)}; " +
                          $"{resends} start-push calls answered 'already running' (40000415)");
        Console.WriteLine($"  poison     session-requests {evidence.SessionRequestsPoison.Count}, user-joined {evidence.UserJoinedPoison.Count}" +
                          (evidence.UserJoinedPoison.Count == 0 ? "" : " (" + Reasons(evidence) + ")"));
        Console.WriteLine($"  count      {traces.Count} sessions in, {evidence.Sessions.Count(view => view.Result is not null)} out with an outcome " +
                          $"({evidence.Sessions.Count} on the host)");
        Console.WriteLine($"  live       {evidence.Live.Pushes.Count} pushes, {evidence.Live.Recordings.Count} recordings at the end");
        foreach (var check in (string[])[Checks.Lost, Checks.Final, Checks.NothingLive, Checks.StartsStopped, Checks.NoDoubleStart, Checks.SignalsTaken, Checks.DriverPlayed, Checks.HostRan, Checks.RanAsAsked])
        {
            var count = violations.Count(v => v.Check == check);
            Console.WriteLine($"  [{(count == 0 ? "PASS" : "FAIL")}] {check}" + (count == 0 ? "" : $": {count} violations"));
        }

        foreach (var violation in violations.Take(200))
        {
            Console.WriteLine($"  VIOLATION {violation.Session}: {violation.Check}: {violation.Detail}");
        }

        if (violations.Count > 200)
        {
            Console.WriteLine($"  … and {violations.Count - 200} more");
        }

        foreach (var poison in evidence.UserJoinedPoison.Where(p => Expected(p) is null))
        {
            Console.WriteLine($"  note: user-joined signal {poison.Message} (sent {poison.InsertedOn:HH:mm:ss.fff}) went to poison: {poison.Error}; " +
                              SessionOf(evidence, poison));
        }
    }

    private static string Reasons(Evidence evidence) =>
        string.Join("; ", evidence.UserJoinedPoison
            .GroupBy(p => Expected(p) ?? "refused for another reason, see the notes")
            .Select(g => $"{g.Key} ×{g.Count()}"));

    /// <summary>The reason a signal is refused when its session had already ended (a join after the timeout or a cancel).</summary>
    private static string? Expected(PoisonRecord poison) =>
        poison.Error.Contains("already finished", StringComparison.Ordinal) ? "session already finished" : null;

    /// <summary>What became of the session a poisoned signal was meant for, to tell a late signal from a lost one.</summary>
    private static string SessionOf(Evidence evidence, PoisonRecord poison)
    {
        var signal = TryRead(poison.Message);
        var view = evidence.Sessions.FirstOrDefault(v => signal is not null
            && (v.Id == signal.SessionId || (v.RoomId == signal.RoomId && v.UserId == signal.UserId)));
        return view?.Result is { } result
            ? $"its session {view.Id} ended {result.Outcome} at {result.EndedAt:HH:mm:ss.fff}"
            : "no finished session matches it";
    }

    private static UserJoinedMessage? TryRead(string json)
    {
        try
        {
            return Durable.DurableJson.Deserialize<UserJoinedMessage>(json);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}

using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Broadcast.Durable;
using Broadcast.Ilvb.Simulator;
using Broadcast.Sessions;

namespace Broadcast.Benchmarks;

/// <summary>
/// Full sessions through the host's HTTP API: create → the anchor joins → user-joined → push and separate recording
/// start at the vendor → cancel → recording and push stop → the session completes. Each worker keeps one session in flight.
/// </summary>
internal static class OrchestratedRun
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(5);

    public static async Task<RunFigures> RunAsync(InProcessHost host, string run, int offset, int count, int concurrency)
    {
        var signalled = new DateTimeOffset[count];
        var phases = new SessionPhases[count];
        var meter = RunCost.Start();
        var clock = Stopwatch.StartNew();
        await Workers.RunAsync(count, concurrency, async i => (signalled[i], phases[i]) = await RunSessionAsync(host, run, offset + i, liveUntil: 0));
        clock.Stop();
        var cost = meter.Stop(count);

        var latencies = JoinToPushMs(host, offset, signalled);
        return new RunFigures(count, concurrency, clock.Elapsed, latencies) { Phases = phases, Cost = cost };
    }

    /// <summary>Per session, from its join signal to the first start-push request the simulator received for its room and anchor.</summary>
    public static List<double> JoinToPushMs(InProcessHost host, int offset, IReadOnlyList<DateTimeOffset> signalled)
    {
        var firstStart = host.Simulator.State.Calls
            .Where(call => call is { Operation: SimOperation.StartPush, RoomId: not null, UserId: not null })
            .GroupBy(call => (call.RoomId!.Value, call.UserId!))
            .ToDictionary(group => group.Key, group => group.Min(call => call.Time));
        return Enumerable.Range(0, signalled.Count)
            .Select(i => (firstStart[(Sessions.RoomOf(offset + i), Sessions.UserOf(offset + i))] - signalled[i]).TotalMilliseconds)
            .ToList();
    }

    /// <param name="liveUntil">A <see cref="Stopwatch"/> timestamp the session stays live until before it is cancelled; 0 cancels it once live.</param>
    /// <returns>When the join signal was sent, and how long each part of the session took.</returns>
    public static async Task<(DateTimeOffset, SessionPhases)> RunSessionAsync(InProcessHost host, string run, int index, long liveUntil)
    {
        var request = Sessions.Full(run, index);
        var started = Stopwatch.GetTimestamp();
        using (var created = await host.Http.PostAsJsonAsync("/api/sessions", request, DurableJson.Options))
        {
            await ExpectAsync(created, HttpStatusCode.Created, "create");
        }

        var id = Sessions.IdOf(request);
        var path = Sessions.PathOf(id);
        host.Simulator.State.JoinUser(request.RoomId, request.UserId);
        var signalled = TimeProvider.System.GetUtcNow();
        using (var joined = await host.Http.PostAsync(path + "/user-joined", null))
        {
            await ExpectAsync(joined, HttpStatusCode.Accepted, "user-joined");
        }

        var joinedAt = Stopwatch.GetTimestamp();
        await UntilRecordingAsync(host.Simulator.State, request.RoomId, request.UserId, id);
        var liveAt = Stopwatch.GetTimestamp();
        if (liveUntil > liveAt)
        {
            await Task.Delay(Stopwatch.GetElapsedTime(liveAt, liveUntil));
        }

        var cancelAt = Stopwatch.GetTimestamp();
        using (var cancelled = await host.Http.PostAsJsonAsync(path + "/cancel", new { reason = "benchmark" }, DurableJson.Options))
        {
            await ExpectAsync(cancelled, HttpStatusCode.Accepted, "cancel");
        }

        using var timeout = new CancellationTokenSource(Deadline);
        var done = await host.Orchestrations.WaitForInstanceCompletionAsync(id, cancellationToken: timeout.Token);
        if (done.RuntimeStatus != OrchestrationRuntimeStatus.Completed)
        {
            throw new InvalidOperationException($"Session {id} ended {done.RuntimeStatus}.");
        }

        var doneAt = Stopwatch.GetTimestamp();
        return (signalled, new SessionPhases(
            Stopwatch.GetElapsedTime(started, joinedAt).TotalMilliseconds,
            Stopwatch.GetElapsedTime(joinedAt, liveAt).TotalMilliseconds,
            Stopwatch.GetElapsedTime(cancelAt, doneAt).TotalMilliseconds));
    }

    /// <summary>
    /// Both the push and the recording run at the vendor: the session is live. The simulator says when, so the driver
    /// spends no CPU polling (it shares the machine with the host it measures).
    /// </summary>
    private static async Task UntilRecordingAsync(SimulatorState state, uint roomId, string userId, string id)
    {
        try
        {
            await state.WhenRecordingAsync(roomId, userId).WaitAsync(Deadline);
        }
        catch (TimeoutException)
        {
            throw new InvalidOperationException($"Session {id} did not go live within {Deadline.TotalMinutes} min.");
        }
    }

    public static async Task ExpectAsync(HttpResponseMessage response, HttpStatusCode expected, string call)
    {
        if (response.StatusCode != expected)
        {
            throw new InvalidOperationException($"{call} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }
}

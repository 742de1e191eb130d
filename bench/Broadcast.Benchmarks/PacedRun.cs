using System.Diagnostics;

namespace Broadcast.Benchmarks;

/// <summary>
/// Full sessions at a fixed load instead of as fast as possible: a new session arrives every 1/rate seconds (an open
/// loop) and stays live until concurrency/rate seconds after its arrival, so in steady state <c>concurrency</c> sessions
/// are in flight while <c>rate</c> of them complete per second. The closed loop measures the most the host can do;
/// there every request queues behind the others, so its latency only says how long the queues were. This run
/// measures the join-to-push latency a user sees at a stated load.
/// </summary>
internal static class PacedRun
{
    public static async Task<PacedFigures> RunAsync(InProcessHost host, int offset, int concurrency, double rate, int measured)
    {
        var count = concurrency + measured;
        var signalled = new DateTimeOffset[count];
        var inFlightAtArrival = new int[count];
        var lifetimesMs = new double[count];
        var inFlight = 0;
        var interval = Stopwatch.Frequency / rate;
        var liveFor = (long)(concurrency * interval);
        var sessions = new List<Task>(count);
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < count; i++)
        {
            var arrival = start + (long)(i * interval);
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), arrival);
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait);
            }

            var index = i;
            inFlightAtArrival[index] = Interlocked.Increment(ref inFlight);
            sessions.Add(Task.Run(async () =>
            {
                var begun = Stopwatch.GetTimestamp();
                (signalled[index], _) = await OrchestratedRun.RunSessionAsync(host, "paced", offset + index, liveUntil: arrival + liveFor);
                lifetimesMs[index] = Stopwatch.GetElapsedTime(begun).TotalMilliseconds;
                Interlocked.Decrement(ref inFlight);
            }));
        }

        var lastArrival = Stopwatch.GetElapsedTime(start);
        await Task.WhenAll(sessions);

        // The first `concurrency` sessions arrive while the load ramps up; only those after them are measured.
        var latencies = OrchestratedRun.JoinToPushMs(host, offset, signalled).Skip(concurrency).ToList();
        var steady = inFlightAtArrival.Skip(concurrency).Select(n => (double)n).ToList();
        return new PacedFigures(
            concurrency,
            rate,
            measured,
            Math.Round((count - 1) / lastArrival.TotalSeconds, 1),
            (int)steady.Min(),
            (int)Percentiles.Of(steady, 50),
            Math.Round(Percentiles.Of(lifetimesMs.Skip(concurrency).ToList(), 50), 1),
            Math.Round(Percentiles.Of(latencies, 50), 1),
            Math.Round(Percentiles.Of(latencies, 99), 1),
            Math.Round(latencies.Max(), 1));
    }
}

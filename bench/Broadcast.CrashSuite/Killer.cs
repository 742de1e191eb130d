using System.Diagnostics;

namespace Broadcast.CrashSuite;

/// <summary>Kills the host with SIGKILL at the plan's moments and starts it again each time.</summary>
internal sealed class Killer(RunPlan plan, HostProcess host, TimeProvider time)
{
    private int _done;

    public int Done => Volatile.Read(ref _done);

    public async Task RunAsync(DateTimeOffset start, CancellationToken cancellationToken)
    {
        foreach (var moment in plan.Kills)
        {
            var wait = start + moment - time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, cancellationToken);
            }

            var down = Stopwatch.StartNew();
            await host.KillAndRestartAsync(cancellationToken);
            var number = Interlocked.Increment(ref _done);
            Console.WriteLine(
                $"  [{Clock.Since(start, time)}] kill {number}/{plan.Kills.Count}: SIGKILL, host back after {down.Elapsed.TotalSeconds:0.0} s");
        }
    }
}

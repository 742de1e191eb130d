using System.Diagnostics;
using Broadcast.Ilvb.Simulator;

namespace Broadcast.CrashSuite;

/// <summary>
/// Kills the host with SIGKILL at the plan's moments and starts it again each time. Two kills in three are aimed: the
/// simulator holds the answer to the next push start (or stop) after acting on it, and the kill lands once the push
/// shows up (or goes) at the vendor, so the host dies with the vendor's act done and its answer unread. A kill whose
/// aimed call does not come within a few seconds lands anyway, unaimed.
/// </summary>
internal sealed class Killer(RunPlan plan, HostProcess host, SimulatorProcess simulator, TimeProvider time)
{
    /// <summary>How long an aimed call's answer is held: under the host's 2 s vendor timeout, so it would be read if the host lived.</summary>
    public static readonly TimeSpan Hold = TimeSpan.FromMilliseconds(1500);

    private static readonly TimeSpan AimFor = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(25);

    private int _done;

    public int Done => Volatile.Read(ref _done);

    /// <summary>How many kills were aimed at a held answer of each operation, and how many of those landed in the hold.</summary>
    public Dictionary<SimOperation, (int Aimed, int Landed)> Aims { get; } = [];

    public async Task RunAsync(DateTimeOffset start, CancellationToken cancellationToken)
    {
        for (var i = 0; i < plan.Kills.Count; i++)
        {
            var wait = start + plan.Kills[i] - time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, cancellationToken);
            }

            SimOperation? aim = (i % 3) switch { 0 => SimOperation.StartPush, 1 => SimOperation.StopPush, _ => null };
            var landed = aim is { } operation && await TryAwaitHeldAnswerAsync(operation, cancellationToken);
            if (aim is { } aimed)
            {
                var (count, hits) = Aims.GetValueOrDefault(aimed);
                Aims[aimed] = (count + 1, hits + (landed ? 1 : 0));
            }

            var down = Stopwatch.StartNew();
            await host.KillAndRestartAsync(cancellationToken);
            var number = Interlocked.Increment(ref _done);
            var how = aim is null ? "" : landed ? $" while a {aim} answer was held" : $" (no {aim} came within {AimFor.TotalSeconds:0} s)";
            Console.WriteLine(
                $"  [{Clock.Since(start, time)}] kill {number}/{plan.Kills.Count}: SIGKILL{how}, host back after {down.Elapsed.TotalSeconds:0.0} s");
        }
    }

    /// <summary>A simulator that fails to answer while the kill is aimed costs the aim, not the kill or the run.</summary>
    private async Task<bool> TryAwaitHeldAnswerAsync(SimOperation operation, CancellationToken cancellationToken)
    {
        try
        {
            return await AwaitHeldAnswerAsync(operation, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or System.Text.Json.JsonException
            || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            Console.WriteLine($"  aiming at a held {operation} answer failed ({e.GetType().Name}: {e.Message}); killing unaimed");
            return false;
        }
    }

    /// <summary>Arms the hold, then waits until a push appears (start) or goes (stop) at the vendor: the held call was acted on.</summary>
    private async Task<bool> AwaitHeldAnswerAsync(SimOperation operation, CancellationToken cancellationToken)
    {
        var before = await LivePushesAsync(cancellationToken);
        await simulator.HoldNextAnswerAsync(operation, Hold, cancellationToken);
        var until = time.GetUtcNow() + AimFor;
        while (time.GetUtcNow() < until)
        {
            var now = await LivePushesAsync(cancellationToken);
            if (operation == SimOperation.StartPush ? now.Except(before).Any() : before.Except(now).Any())
            {
                return true;
            }

            await Task.Delay(Poll, time, cancellationToken);
        }

        return false;
    }

    private async Task<HashSet<(uint, string)>> LivePushesAsync(CancellationToken cancellationToken) =>
        [.. (await simulator.LiveAsync(cancellationToken)).Pushes.Select(push => (push.RoomId, push.UserId))];
}

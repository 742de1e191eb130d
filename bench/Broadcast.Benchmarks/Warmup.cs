using System.Diagnostics;
using System.Runtime;

namespace Broadcast.Benchmarks;

/// <summary>
/// Runs rounds of orchestrated, plain and API floor sessions until tiered compilation has settled: until a round spends less
/// than <see cref="SettledJitShare"/> of its CPU time compiling code. A server runs for hours, so its steady state is
/// what the figures describe; measured earlier, each run also pays for compiling and runs partly unoptimised code,
/// and the orchestrated run, with far more code, pays the most.
/// </summary>
internal static class Warmup
{
    private const double SettledJitShare = 0.03;

    public static async Task RunAsync(InProcessHost host, PlainRun plain, ApiFloorRun floor, int concurrency, int sessionsPerRound, int maxRounds)
    {
        for (var round = 1; round <= maxRounds; round++)
        {
            using var process = Process.GetCurrentProcess();
            var cpu = process.TotalProcessorTime;
            var jit = JitInfo.GetCompilationTime();
            var methods = JitInfo.GetCompiledMethodCount();
            var offset = 1_000_000 + (round * 3 * sessionsPerRound);
            await OrchestratedRun.RunAsync(host, $"warm{round}", offset, sessionsPerRound, concurrency);
            await plain.RunAsync(host, offset + sessionsPerRound, sessionsPerRound, concurrency);
            await floor.RunAsync(host, plain, offset + (2 * sessionsPerRound), sessionsPerRound, concurrency);
            process.Refresh();
            var share = (JitInfo.GetCompilationTime() - jit) / (process.TotalProcessorTime - cpu);
            Console.WriteLine($"  warm-up round {round}: {3 * sessionsPerRound} sessions, {share:P0} of the CPU time spent compiling code ({JitInfo.GetCompiledMethodCount() - methods} methods)");
            if (share < SettledJitShare)
            {
                return;
            }
        }

        Console.WriteLine($"  compiling had not settled after {maxRounds} warm-up rounds; measuring anyway");
    }
}

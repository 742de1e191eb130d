using System.Diagnostics;
using System.Runtime;

namespace Broadcast.Benchmarks;

/// <summary>
/// What a run cost the whole process per session: CPU time, bytes allocated and time paused for GC. Everything runs in
/// this process (host, simulator, driver), so the orchestrated and plain figures compare like with like.
/// </summary>
internal sealed record RunCost(double CpuMsPerSession, double AllocatedKbPerSession, double GcPauseMsPerSession, double JitMsPerSession)
{
    public static Meter Start() => new(
        Process.GetCurrentProcess().TotalProcessorTime, GC.GetTotalAllocatedBytes(), GC.GetTotalPauseDuration(), JitInfo.GetCompilationTime());

    public override string ToString() =>
        $"{CpuMsPerSession:0.00} ms CPU ({JitMsPerSession:0.00} ms of it compiling code), {AllocatedKbPerSession:0} KB allocated, {GcPauseMsPerSession:0.00} ms GC pause per session";

    /// <summary>The process's counters when a run began.</summary>
    internal sealed record Meter(TimeSpan Cpu, long Allocated, TimeSpan Paused, TimeSpan Jit)
    {
        public RunCost Stop(int sessions)
        {
            using var process = Process.GetCurrentProcess();
            return new RunCost(
                (process.TotalProcessorTime - Cpu).TotalMilliseconds / sessions,
                (GC.GetTotalAllocatedBytes() - Allocated) / 1024.0 / sessions,
                (GC.GetTotalPauseDuration() - Paused).TotalMilliseconds / sessions,
                (JitInfo.GetCompilationTime() - Jit).TotalMilliseconds / sessions);
        }
    }
}

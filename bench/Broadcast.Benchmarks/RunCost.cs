using System.Diagnostics;
using System.Runtime;

namespace Broadcast.Benchmarks;

/// <summary>
/// What a run cost the whole process per session: CPU time, bytes allocated, time paused for GC and bytes written to
/// storage (the databases' pages and logs; 0 where <c>/proc/self/io</c> is missing). Everything runs in
/// this process (host, simulator, driver), so the orchestrated and plain figures compare like with like.
/// </summary>
internal sealed record RunCost(double CpuMsPerSession, double AllocatedKbPerSession, double GcPauseMsPerSession, double JitMsPerSession, double DiskKbPerSession)
{
    public static Meter Start() => new(
        Process.GetCurrentProcess().TotalProcessorTime, GC.GetTotalAllocatedBytes(), GC.GetTotalPauseDuration(), JitInfo.GetCompilationTime(), StorageWriteBytes());

    /// <summary>The mean cost per session over runs of equal size.</summary>
    public static RunCost Mean(IReadOnlyList<RunCost> runs) => new(
        runs.Average(r => r.CpuMsPerSession),
        runs.Average(r => r.AllocatedKbPerSession),
        runs.Average(r => r.GcPauseMsPerSession),
        runs.Average(r => r.JitMsPerSession),
        runs.Average(r => r.DiskKbPerSession));

    public override string ToString() =>
        $"{CpuMsPerSession:0.00} ms CPU ({JitMsPerSession:0.00} ms of it compiling code), {AllocatedKbPerSession:0} KB allocated, {GcPauseMsPerSession:0.00} ms GC pause, " +
        $"{DiskKbPerSession:0.0} KB written to storage per session";

    /// <summary>The bytes this process has caused to be written to storage (<c>write_bytes</c> of <c>/proc/self/io</c>).</summary>
    private static long StorageWriteBytes()
    {
        const string Prefix = "write_bytes:";
        if (!File.Exists("/proc/self/io"))
        {
            return 0;
        }

        var line = File.ReadLines("/proc/self/io").FirstOrDefault(l => l.StartsWith(Prefix, StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line.AsSpan(Prefix.Length).Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The process's counters when a run began.</summary>
    internal sealed record Meter(TimeSpan Cpu, long Allocated, TimeSpan Paused, TimeSpan Jit, long Written)
    {
        public RunCost Stop(int sessions)
        {
            using var process = Process.GetCurrentProcess();
            return new RunCost(
                (process.TotalProcessorTime - Cpu).TotalMilliseconds / sessions,
                (GC.GetTotalAllocatedBytes() - Allocated) / 1024.0 / sessions,
                (GC.GetTotalPauseDuration() - Paused).TotalMilliseconds / sessions,
                (JitInfo.GetCompilationTime() - Jit).TotalMilliseconds / sessions,
                (StorageWriteBytes() - Written) / 1024.0 / sessions);
        }
    }
}

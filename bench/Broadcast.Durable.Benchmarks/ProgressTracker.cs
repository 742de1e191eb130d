using System.Collections.Concurrent;
using System.Diagnostics;

namespace Broadcast.Durable.Benchmarks;

/// <summary>When each instance first made progress in this process (stopwatch ticks since the process began).</summary>
internal sealed class ProgressTracker
{
    private readonly ConcurrentDictionary<string, long> _first = new(StringComparer.Ordinal);

    /// <summary>When the process started (runtime start-up included), as a stopwatch timestamp.</summary>
    public static long ProcessStart { get; } = Stopwatch.GetTimestamp()
        - (long)((DateTime.Now - Process.GetCurrentProcess().StartTime).TotalSeconds * Stopwatch.Frequency);

    public int Count => _first.Count;

    public void Mark(string instanceId) => _first.TryAdd(instanceId, Stopwatch.GetTimestamp() - ProcessStart);

    public double LastMs => _first.IsEmpty ? double.NaN : _first.Values.Max() * 1000.0 / Stopwatch.Frequency;

    public double FirstMs => _first.IsEmpty ? double.NaN : _first.Values.Min() * 1000.0 / Stopwatch.Frequency;
}

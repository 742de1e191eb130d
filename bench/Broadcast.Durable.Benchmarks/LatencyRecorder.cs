using System.Diagnostics;

namespace Broadcast.Durable.Benchmarks;

/// <summary>Collects latencies (stopwatch ticks) and reports percentiles in milliseconds.</summary>
internal sealed class LatencyRecorder
{
    private readonly List<long> _samples = [];

    public int Count
    {
        get
        {
            lock (_samples)
            {
                return _samples.Count;
            }
        }
    }

    public void Record(long ticks)
    {
        lock (_samples)
        {
            _samples.Add(ticks);
        }
    }

    public void Clear()
    {
        lock (_samples)
        {
            _samples.Clear();
        }
    }

    public double PercentileMs(double percentile)
    {
        lock (_samples)
        {
            if (_samples.Count == 0)
            {
                return double.NaN;
            }

            var sorted = _samples.Order().ToArray();
            var index = Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Length) - 1, 0, sorted.Length - 1);
            return sorted[index] * 1000.0 / Stopwatch.Frequency;
        }
    }
}

using System.Text;

namespace Broadcast.Durable.Execution;

/// <summary>The jitter of a retry wait: a factor derived from the instance id and the attempt, so replays agree.</summary>
internal static class RetryJitter
{
    public static TimeSpan Apply(TimeSpan delay, double jitterFactor, string instanceId, int attempt)
    {
        if (jitterFactor <= 0)
        {
            return delay;
        }

        var spread = Math.Min(jitterFactor, 1.0);
        var unit = Unit(instanceId, attempt);
        var factor = 1.0 + (spread * ((2.0 * unit) - 1.0));
        return TimeSpan.FromTicks((long)(delay.Ticks * factor));
    }

    /// <summary>A stable value in [0, 1): FNV-1a over the instance id and attempt.</summary>
    internal static double Unit(string instanceId, int attempt)
    {
        const ulong offset = 14695981039346656037UL;
        const ulong prime = 1099511628211UL;
        var hash = offset;
        foreach (var b in Encoding.UTF8.GetBytes($"{instanceId}#{attempt}"))
        {
            hash = (hash ^ b) * prime;
        }

        // Finalize (splitmix64) so consecutive attempts spread over the whole range.
        hash ^= hash >> 30;
        hash *= 0xBF58476D1CE4E5B9UL;
        hash ^= hash >> 27;
        hash *= 0x94D049BB133111EBUL;
        hash ^= hash >> 31;
        return (hash >> 11) * (1.0 / (1UL << 53));
    }
}

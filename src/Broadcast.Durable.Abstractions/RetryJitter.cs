using System.Text;

namespace Broadcast.Durable;

/// <summary>
/// The jitter of a retry wait: a factor derived from the instance id and the attempt, so replays agree and every host
/// (the embedded engine, the Durable Functions adapter) waits alike for the same instance and attempt.
/// </summary>
public static class RetryJitter
{
    /// <summary>
    /// Scales <paramref name="delay"/> by a factor in [1 - <paramref name="jitterFactor"/>, 1 + <paramref name="jitterFactor"/>]
    /// (the factor capped at 1) fixed by <paramref name="instanceId"/> and <paramref name="attempt"/>; a factor of 0 or
    /// less leaves it as is.
    /// </summary>
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

    /// <summary>A stable value in [0, 1): FNV-1a over <c>"{instanceId}#{attempt}"</c> in UTF-8, finished with splitmix64.</summary>
    public static double Unit(string instanceId, int attempt)
    {
        ArgumentNullException.ThrowIfNull(instanceId);
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

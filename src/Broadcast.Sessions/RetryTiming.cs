using System.Text;

namespace Broadcast.Sessions;

/// <summary>The wait before a retry, with a jitter that is the same on every replay of the same instance.</summary>
internal static class RetryTiming
{
    public static TimeSpan DelayBefore(RetrySchedule schedule, string instanceId, string operation, int nextAttempt)
    {
        var baseDelay = schedule.BaseDelayBefore(nextAttempt);
        if (schedule.JitterFactor <= 0)
        {
            return baseDelay;
        }

        // A stable hash, not string.GetHashCode (randomised per process): a replay must compute the same wait.
        var unit = Fnv1a($"{instanceId}|{operation}|{nextAttempt}") / (double)ulong.MaxValue;
        var factor = 1 + (schedule.JitterFactor * ((2 * unit) - 1));
        return TimeSpan.FromTicks(Math.Max(1, (long)(baseDelay.Ticks * factor)));
    }

    private static ulong Fnv1a(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        return hash;
    }
}

using System.Globalization;

namespace Broadcast.CrashSuite;

/// <summary>Run-relative times for the progress lines.</summary>
internal static class Clock
{
    public static string Since(DateTimeOffset start, TimeProvider time) =>
        (time.GetUtcNow() - start).TotalSeconds.ToString("000.0", CultureInfo.InvariantCulture) + "s";
}

using Microsoft.Extensions.Time.Testing;

namespace Broadcast.Ilvb.Simulator.Tests;

/// <summary>Polling helpers: conditions are awaited with a generous deadline, never with fixed sleeps.</summary>
internal static class TimeAssist
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    public static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var until = DateTime.UtcNow + Deadline;
        while (!condition())
        {
            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"Timed out waiting until {what}.");
            }

            await Task.Delay(10);
        }
    }

    /// <summary>Advances the fake clock in steps until <paramref name="task"/> completes (a timer may be registered after the first step).</summary>
    public static async Task<T> AdvanceUntilDoneAsync<T>(FakeTimeProvider time, TimeSpan step, Task<T> task)
    {
        var until = DateTime.UtcNow + Deadline;
        while (!task.IsCompleted)
        {
            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException("Timed out advancing the fake clock.");
            }

            time.Advance(step);
            await Task.WhenAny(task, Task.Delay(10));
        }

        return await task;
    }
}

namespace Broadcast.Sessions;

/// <summary>
/// The occurrences that fell due since a schedule last looked, sorted by its catch-up window: the latest one inside
/// the window is the one to run; earlier ones inside the window merge into it; older ones are skipped.
/// </summary>
internal sealed class DueOccurrences
{
    /// <summary>
    /// An occurrence at most this late is on time, not missed: timers fire a little after their due time, and more so
    /// on a loaded machine. It is also the smallest catch-up window, so a window of zero still runs on-time occurrences.
    /// </summary>
    public static readonly TimeSpan OnTimeTolerance = TimeSpan.FromMinutes(1);

    private DueOccurrences()
    {
    }

    /// <summary>Older than the window: skipped.</summary>
    public OccurrenceTally OutsideWindow { get; } = new();

    /// <summary>Inside the window but not the latest: covered by the run of <see cref="ToRun"/>.</summary>
    public OccurrenceTally Merged { get; } = new();

    /// <summary>The occurrence to run, or null when none is due inside the window.</summary>
    public DateTimeOffset? ToRun { get; private set; }

    /// <summary>True when <see cref="ToRun"/> is later than <see cref="OnTimeTolerance"/>: a catch-up run.</summary>
    public bool IsCatchUp { get; private set; }

    /// <summary>Sorts the occurrences after <paramref name="after"/> up to <paramref name="now"/>.</summary>
    public static DueOccurrences Sort(CronSchedule schedule, DateTimeOffset after, DateTimeOffset now, TimeSpan catchUpWindow)
    {
        var due = new DueOccurrences();
        var windowStart = now - (catchUpWindow > OnTimeTolerance ? catchUpWindow : OnTimeTolerance);
        foreach (var occurrence in schedule.Between(after, now))
        {
            if (occurrence < windowStart)
            {
                due.OutsideWindow.Add(occurrence);
                continue;
            }

            if (due.ToRun is { } earlier)
            {
                due.Merged.Add(earlier);
            }

            due.ToRun = occurrence;
        }

        due.IsCatchUp = due.ToRun is { } run && now - run > OnTimeTolerance;
        return due;
    }
}

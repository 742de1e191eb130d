namespace Broadcast.Sessions;

/// <summary>Counts occurrences and keeps only the latest few: a host down for a week may have missed thousands.</summary>
internal sealed class OccurrenceTally
{
    private readonly Queue<DateTimeOffset> latest = new();

    public int Count { get; private set; }

    /// <summary>The latest occurrences counted (at most <see cref="ScheduleSkips.MaxRecent"/>), oldest first.</summary>
    public IEnumerable<DateTimeOffset> Latest => latest;

    public void Add(DateTimeOffset occurrence)
    {
        Count++;
        latest.Enqueue(occurrence);
        if (latest.Count > ScheduleSkips.MaxRecent)
        {
            latest.Dequeue();
        }
    }

    public static OccurrenceTally Of(IEnumerable<DateTimeOffset> occurrences)
    {
        var tally = new OccurrenceTally();
        foreach (var occurrence in occurrences)
        {
            tally.Add(occurrence);
        }

        return tally;
    }
}

namespace Broadcast.Sessions;

/// <summary>The occurrences of a recurring schedule that started no session: counts by reason and the latest ones.</summary>
public sealed record ScheduleSkips
{
    /// <summary>How many skipped occurrences <see cref="Recent"/> keeps.</summary>
    public const int MaxRecent = 10;

    /// <summary>All skipped occurrences.</summary>
    public int Total => OutsideCatchUpWindow + MergedIntoCatchUp + Overlap + Paused;

    /// <summary>Missed and older than the catch-up window.</summary>
    public int OutsideCatchUpWindow { get; init; }

    /// <summary>Missed inside the catch-up window, covered by a single catch-up run.</summary>
    public int MergedIntoCatchUp { get; init; }

    /// <summary>Not started because the previous session still ran.</summary>
    public int Overlap { get; init; }

    /// <summary>Due while the schedule was paused.</summary>
    public int Paused { get; init; }

    /// <summary>The latest skipped occurrences (at most <see cref="MaxRecent"/>), oldest first.</summary>
    public IReadOnlyList<SkippedOccurrence> Recent { get; init; } = [];

    /// <summary>These counts with <paramref name="tally"/> added under <paramref name="reason"/>.</summary>
    internal ScheduleSkips With(ScheduleSkipReason reason, OccurrenceTally tally) =>
        tally.Count == 0 ? this : With(reason, tally.Count, tally.Latest);

    /// <summary>These counts with one occurrence added under <paramref name="reason"/>.</summary>
    internal ScheduleSkips With(ScheduleSkipReason reason, DateTimeOffset occurrence) => With(reason, 1, [occurrence]);

    private ScheduleSkips With(ScheduleSkipReason reason, int count, IEnumerable<DateTimeOffset> latest)
    {
        var recent = Recent.Concat(latest.Select(o => new SkippedOccurrence(o, reason))).ToList();
        var counted = reason switch
        {
            ScheduleSkipReason.OutsideCatchUpWindow => this with { OutsideCatchUpWindow = OutsideCatchUpWindow + count },
            ScheduleSkipReason.MergedIntoCatchUp => this with { MergedIntoCatchUp = MergedIntoCatchUp + count },
            ScheduleSkipReason.Overlap => this with { Overlap = Overlap + count },
            ScheduleSkipReason.Paused => this with { Paused = Paused + count },
            _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, "Not a skip reason."),
        };
        return counted with { Recent = recent.Skip(Math.Max(0, recent.Count - MaxRecent)).ToList() };
    }
}

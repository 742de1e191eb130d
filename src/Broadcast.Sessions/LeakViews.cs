namespace Broadcast.Sessions;

/// <summary>The leak ledger's part of a session's view.</summary>
internal static class LeakViews
{
    /// <summary><paramref name="view"/> with the sweeper's actions in its timeline, in time order.</summary>
    public static SessionView WithSweeps(SessionView view, IReadOnlyList<LeakEntry> entries)
    {
        var sweeps = Sweeps(entries);
        return sweeps.Count == 0
            ? view
            : view with
            {
                Timeline = [.. view.Timeline.Concat(sweeps).OrderBy(e => e.At)],
                TimelineCount = view.TimelineCount + sweeps.Count,
            };
    }

    /// <summary>A purged session as its ledger entries remember it; null when it has none.</summary>
    public static SessionView? Purged(string sessionId, IReadOnlyList<LeakEntry> entries)
    {
        if (entries.Count == 0)
        {
            return null;
        }

        var sweeps = Sweeps(entries);
        return new SessionView
        {
            Id = sessionId,
            RoomId = entries[0].RoomId,
            UserId = entries[0].UserId,
            Status = SessionStatus.Purged,
            Phase = nameof(SessionPhase.Finished),
            CreatedAt = entries.Min(e => e.OpenedAt),
            UpdatedAt = entries.Max(e => e.UpdatedAt),
            Timeline = sweeps,
            TimelineCount = sweeps.Count,
            Error = entries.Select(e => e.LastError).FirstOrDefault(e => e is not null),
        };
    }

    private static List<TimelineEntry> Sweeps(IReadOnlyList<LeakEntry> entries) =>
        [.. entries.SelectMany(e => e.Actions).OrderBy(a => a.At).Select(a => a.ToTimelineEntry())];
}

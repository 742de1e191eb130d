using Broadcast.Sessions;

namespace Broadcast.Host.Tests;

public static class TimelineAssertions
{
    /// <summary>The attempts of one vendor operation, in order (the entries that carry an attempt number).</summary>
    public static IReadOnlyList<TimelineEntry> Calls(this SessionView view, string operation) =>
        [.. (view.Result?.Timeline ?? view.Timeline).Where(entry => entry.Kind == TimelineKind.Call && entry.Operation == operation && entry.Attempt is not null)];

    public static string Table(this SessionView view) => TimelineTable.Format(view.Result?.Timeline ?? view.Timeline);
}

using static Broadcast.Sessions.Tests.TestLeakEntries;

namespace Broadcast.Sessions.Tests;

/// <summary>
/// The paging contract every <see cref="ILeakLedger"/> must keep (<see cref="LeakListQuery.After"/>): the sweeper
/// reads all open entries through it. Shared by the tests of each ledger.
/// </summary>
public static class LeakLedgerPaging
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    /// <summary>Writes five entries into an empty <paramref name="ledger"/> and checks the pages it lists after each cursor.</summary>
    public static async Task AssertPagesFollowTheCursorAsync(ILeakLedger ledger)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        var none = CancellationToken.None;
        await ledger.TryWriteAsync(Entry("r5:u:b", LeakKind.Push, T0), none);
        await ledger.TryWriteAsync(Entry("r5:u:a", LeakKind.Recording, T0), none);
        await ledger.TryWriteAsync(Entry("r5:u:a", LeakKind.Push, T0), none);
        await ledger.TryWriteAsync(Entry("r5:u:c", LeakKind.Push, T0.AddMinutes(1)), none);
        await ledger.TryWriteAsync(Entry("r5:u:z", LeakKind.Push, T0.AddMinutes(-1)) with { State = LeakState.Stopped, ClosedAt = T0 }, none);

        var pages = new List<string>();
        LeakEntry? after = null;
        while (await ledger.ListAsync(new LeakListQuery { Limit = 2, After = after }, none) is { Count: > 0 } page)
        {
            pages.Add(string.Join(", ", page.Select(e => $"{e.SessionId} {e.Kind}")));
            after = page[^1];
        }

        Assert.Equal(["r5:u:a Push, r5:u:a Recording", "r5:u:b Push, r5:u:c Push"], pages);
        Assert.Equal(["r5:u:b Push"], (await ledger.ListAsync(new LeakListQuery { Limit = 1, After = Entry("r5:u:a", LeakKind.Recording, T0) }, none))
            .Select(e => $"{e.SessionId} {e.Kind}"));
    }
}

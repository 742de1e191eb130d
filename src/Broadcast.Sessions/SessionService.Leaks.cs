namespace Broadcast.Sessions;

public sealed partial class SessionService
{
    /// <summary>The view with the sweeper's actions merged in; for a purged session, a view from its ledger entries alone.</summary>
    private async Task<SessionView?> WithLeaksAsync(string sessionId, SessionView? view, CancellationToken cancellationToken)
    {
        IReadOnlyList<LeakEntry> entries;
        try
        {
            entries = await leakLedger.ListBySessionAsync(sessionId, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The session's own view is still right without the sweeper's part.
            Log.LedgerReadFailed(logger, sessionId, e);
            return view;
        }

        return view is null ? LeakViews.Purged(sessionId, entries) : LeakViews.WithSweeps(view, entries);
    }
}

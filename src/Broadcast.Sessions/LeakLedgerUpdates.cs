namespace Broadcast.Sessions;

/// <summary>Read, change, write with the version read; again when someone else wrote in between.</summary>
internal static class LeakLedgerUpdates
{
    private const int MaxTries = 20;

    /// <summary>
    /// Applies <paramref name="change"/> to the stored entry (null when there is none) and writes the result;
    /// a null result writes nothing. Returns the entry as stored afterwards.
    /// </summary>
    public static async Task<LeakEntry?> UpdateAsync(
        ILeakLedger ledger, string sessionId, LeakKind kind, Func<LeakEntry?, LeakEntry?> change, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxTries; attempt++)
        {
            var current = await ledger.GetAsync(sessionId, kind, cancellationToken);
            if (change(current) is not { } next)
            {
                return current;
            }

            if (await ledger.TryWriteAsync(next with { Version = current?.Version ?? 0 }, cancellationToken) is { } written)
            {
                return written;
            }
        }

        throw new InvalidOperationException(
            $"The leak ledger entry of session '{sessionId}' ({kind}) changed under each of {MaxTries} writes.");
    }
}

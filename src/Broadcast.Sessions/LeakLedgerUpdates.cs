namespace Broadcast.Sessions;

/// <summary>
/// Change and write with the version of the entry as stored; again when someone else wrote in between. The first
/// try starts from a guess instead of a read: the entry <see cref="LeakEntryCache"/> remembers, or else no entry at
/// all (an insert, which is refused if one exists). Only a write guarded by that guess's version trusts it; a guess
/// that asks for no write, or a refused write, reads the store.
/// </summary>
internal static class LeakLedgerUpdates
{
    private const int MaxTries = 20;

    /// <summary>
    /// Applies <paramref name="change"/> to the stored entry (null when there is none) and writes the result;
    /// a null result writes nothing. Returns the entry as stored afterwards. <paramref name="change"/> may also be
    /// called with a guess that turns out wrong, so it must not act beyond returning the entry.
    /// </summary>
    public static async Task<LeakEntry?> UpdateAsync(
        ILeakLedger ledger, LeakEntryCache cache, string sessionId, LeakKind kind, Func<LeakEntry?, LeakEntry?> change,
        CancellationToken cancellationToken)
    {
        cache.TryGet(sessionId, kind, out var current);
        var read = false;
        for (var attempt = 0; attempt < MaxTries; attempt++)
        {
            if (change(current) is { } next)
            {
                if (await ledger.TryWriteAsync(next with { Version = current?.Version ?? 0 }, cancellationToken) is { } written)
                {
                    cache.Remember(written);
                    return written;
                }

                if (current is not null)
                {
                    cache.Forget(current);
                }
            }
            else if (read)
            {
                return current;
            }

            // Nothing to write proves nothing about a guess: a close must not be skipped for an entry not remembered.
            current = await ledger.GetAsync(sessionId, kind, cancellationToken);
            read = true;
            if (current is not null)
            {
                cache.Remember(current);
            }
        }

        throw new InvalidOperationException(
            $"The leak ledger entry of session '{sessionId}' ({kind}) changed under each of {MaxTries} writes.");
    }
}

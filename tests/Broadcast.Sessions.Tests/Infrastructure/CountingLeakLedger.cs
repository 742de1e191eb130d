namespace Broadcast.Sessions.Tests;

/// <summary>A leak ledger that counts the reads and writes reaching the one it wraps, and the writes it refused.</summary>
public sealed class CountingLeakLedger(ILeakLedger inner) : ILeakLedger
{
    private int reads;
    private int writes;
    private int refused;

    public int Reads => Volatile.Read(ref reads);

    public int Writes => Volatile.Read(ref writes);

    public int Refused => Volatile.Read(ref refused);

    public Task<LeakEntry?> GetAsync(string sessionId, LeakKind kind, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref reads);
        return inner.GetAsync(sessionId, kind, cancellationToken);
    }

    public Task<IReadOnlyList<LeakEntry>> ListBySessionAsync(string sessionId, CancellationToken cancellationToken) =>
        inner.ListBySessionAsync(sessionId, cancellationToken);

    public Task<IReadOnlyList<LeakEntry>> ListAsync(LeakListQuery query, CancellationToken cancellationToken) =>
        inner.ListAsync(query, cancellationToken);

    public Task<int> CountOpenAsync(CancellationToken cancellationToken) => inner.CountOpenAsync(cancellationToken);

    public async Task<LeakEntry?> TryWriteAsync(LeakEntry entry, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref writes);
        var written = await inner.TryWriteAsync(entry, cancellationToken);
        if (written is null)
        {
            Interlocked.Increment(ref refused);
        }

        return written;
    }

    public Task<int> DeleteClosedAsync(DateTimeOffset closedBefore, CancellationToken cancellationToken) =>
        inner.DeleteClosedAsync(closedBefore, cancellationToken);
}

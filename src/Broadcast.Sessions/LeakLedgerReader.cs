namespace Broadcast.Sessions;

/// <summary>What <c>GET /api/ledger</c> answers, written once for both hosts: the query checked, the entries, the open count.</summary>
public sealed class LeakLedgerReader
{
    private readonly ILeakLedger ledger;
    private readonly LeakMetrics metrics;

    /// <summary>Creates the reader.</summary>
    public LeakLedgerReader(ILeakLedger ledger, LeakMetrics metrics)
    {
        this.ledger = ledger;
        this.metrics = metrics;
    }

    /// <summary>
    /// The open entries (with <paramref name="includeClosed"/>, the closed ones still kept too), of one session or all,
    /// at most <paramref name="limit"/>; a bad value throws <see cref="SessionValidationException"/> naming the field.
    /// The count read also updates the open-entries gauge.
    /// </summary>
    public async Task<LedgerView> ReadAsync(bool includeClosed, string? sessionId, int? limit, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (limit is < 1 or > LeakListQuery.MaxLimit)
        {
            errors.Add("limit", $"must be between 1 and {LeakListQuery.MaxLimit} (got {limit}).");
        }

        if (sessionId is not null && (sessionId.Length is 0 or > 1024 || sessionId.Any(char.IsControl)))
        {
            errors.Add("sessionId", "must be a session id (1 to 1024 characters, no control characters).");
        }

        errors.ThrowIfAny();
        var query = new LeakListQuery { IncludeClosed = includeClosed, Limit = limit ?? new LeakListQuery().Limit };
        IReadOnlyList<LeakEntry> entries = sessionId is null
            ? await ledger.ListAsync(query, cancellationToken)
            : [.. (await ledger.ListBySessionAsync(sessionId, cancellationToken)).Where(e => includeClosed || e.IsOpen).Take(query.Limit)];
        var open = await ledger.CountOpenAsync(cancellationToken);
        metrics.SetOpenEntries(open);
        return new LedgerView(open, entries);
    }
}

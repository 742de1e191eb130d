using Broadcast.Sessions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Broadcast.Host;

/// <summary>The leak ledger: pushes and recordings that may still be running, and the sweeper that stops them.</summary>
public static class LedgerApi
{
    /// <summary>Maps <c>/api/ledger</c>.</summary>
    public static RouteGroupBuilder MapLedgerApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/ledger").WithTags("Ledger");

        api.MapGet("/", ListLedger)
            .WithName("ListLedger")
            .WithSummary("Lists the pushes and recordings that may still be running; all=true adds the closed entries still kept.");
        api.MapPost("/sweep", Sweep)
            .WithName("SweepLedger")
            .WithSummary("Runs one sweeper pass now: stops what sessions that no longer run left behind, and tells what it did.");

        return api;
    }

    /// <summary>GET /api/ledger[?all=true][&amp;sessionId=...][&amp;limit=...].</summary>
    public static async Task<Results<Ok<LedgerView>, ValidationProblem>> ListLedger(
        ILeakLedger ledger, LeakMetrics metrics, bool? all, string? sessionId, int? limit, CancellationToken cancellationToken)
    {
        var query = new LeakListQuery { IncludeClosed = all ?? false };
        if (limit is { } size)
        {
            if (size is < 1 or > LeakListQuery.MaxLimit)
            {
                return Problems.Invalid("limit", $"must be between 1 and {LeakListQuery.MaxLimit} (got {size}).");
            }

            query = query with { Limit = size };
        }

        if (sessionId is { Length: 0 or > 1024 })
        {
            return Problems.Invalid("sessionId", "must be a session id (1 to 1024 characters).");
        }

        IReadOnlyList<LeakEntry> entries = sessionId is null
            ? await ledger.ListAsync(query, cancellationToken)
            : [.. (await ledger.ListBySessionAsync(sessionId, cancellationToken)).Where(e => query.IncludeClosed || e.IsOpen)];
        var open = await ledger.CountOpenAsync(cancellationToken);
        metrics.SetOpenEntries(open);
        return TypedResults.Ok(new LedgerView(open, entries));
    }

    /// <summary>POST /api/ledger/sweep.</summary>
    public static async Task<Ok<SweepReport>> Sweep(LeakSweeper sweeper, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sweeper.SweepAsync(cancellationToken));
}

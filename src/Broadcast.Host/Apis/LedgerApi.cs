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
        LeakLedgerReader reader, bool? all, string? sessionId, int? limit, CancellationToken cancellationToken)
    {
        try
        {
            return TypedResults.Ok(await reader.ReadAsync(all ?? false, sessionId, limit, cancellationToken));
        }
        catch (SessionValidationException e)
        {
            return Problems.Invalid(e.Errors);
        }
    }

    /// <summary>POST /api/ledger/sweep.</summary>
    public static async Task<Ok<SweepReport>> Sweep(LeakSweeper sweeper, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sweeper.SweepAsync(cancellationToken));
}

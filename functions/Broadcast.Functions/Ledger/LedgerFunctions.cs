using System.Globalization;
using Broadcast.Sessions;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Broadcast.Functions;

/// <summary>
/// The leak sweeper on a timer, and <c>/api/ledger</c> as the embedded host serves it: the same
/// <see cref="LeakSweeper"/> and <see cref="LeakLedgerReader"/>, over the Durable client of the invocation.
/// </summary>
public sealed class LedgerFunctions(LeakSweeper sweeper, LeakLedgerReader reader)
{
    /// <summary>Every 30 seconds (NCRONTAB with seconds), the embedded host's default <c>Sweeper:Interval</c>.</summary>
    public const string SweepSchedule = "*/30 * * * * *";

    /// <summary>One sweeper pass per timer tick; a missed tick is not made up (the next pass sees everything).</summary>
    [Function("LeakSweeper")]
    public async Task Sweep(
        [TimerTrigger(SweepSchedule)] TimerInfo timer, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken)
    {
        using var bound = InvocationOrchestrationClient.Use(client);
        await sweeper.SweepAsync(cancellationToken);
    }

    /// <summary>GET /api/ledger[?all=true][&amp;sessionId=...][&amp;limit=...].</summary>
    [Function("ListLedger")]
    public async Task<IResult> ListLedger(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "ledger")] HttpRequest http, CancellationToken cancellationToken)
    {
        var all = false;
        if (http.Query["all"].ToString() is { Length: > 0 } allText && !bool.TryParse(allText, out all))
        {
            return ApiProblems.Invalid("all", $"'{allText}' is not true or false.");
        }

        int? limit = null;
        if (http.Query["limit"].ToString() is { Length: > 0 } limitText)
        {
            if (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                return ApiProblems.Invalid("limit", $"'{limitText}' is not a number.");
            }

            limit = parsed;
        }

        var sessionId = http.Query.TryGetValue("sessionId", out var id) ? id.ToString() : null;
        try
        {
            return TypedResults.Ok(await reader.ReadAsync(all, sessionId, limit, cancellationToken));
        }
        catch (SessionValidationException e)
        {
            return ApiProblems.Invalid(e.Errors);
        }
    }

    /// <summary>POST /api/ledger/sweep: one pass now, and what it did.</summary>
    [Function("SweepLedger")]
    public async Task<IResult> SweepLedger(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "ledger/sweep")] HttpRequest http,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        using var bound = InvocationOrchestrationClient.Use(client);
        return TypedResults.Ok(await sweeper.SweepAsync(cancellationToken));
    }
}

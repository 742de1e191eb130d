using Broadcast.Durable;
using Broadcast.Ilvb;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Broadcast.Sessions;

/// <summary>
/// Stops what sessions that no longer run left behind. A terminate, a failed or non-deterministic instance, a
/// purge, or a session that ended <see cref="SessionOutcome.StopFailed"/> runs no more stop: its ledger entries
/// stay open. A pass finds them, sends the stops on the stop retry schedule (each entry keeps its own attempts and
/// next time in the ledger), and records each action in the entry, which the session's view shows in its timeline.
/// Passes never overlap.
/// </summary>
public sealed class LeakSweeper : IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly ILeakLedger ledger;
    private readonly LeakEntryCache cache;
    private readonly IOrchestrationClient client;
    private readonly IIlvbClient ilvb;
    private readonly IAnchorLocks anchors;
    private readonly AnchorHolders holders;
    private readonly IOptions<SessionOptions> sessionOptions;
    private readonly IOptions<LeakSweeperOptions> options;
    private readonly SessionMetrics sessionMetrics;
    private readonly LeakMetrics leakMetrics;
    private readonly TimeProvider timeProvider;
    private readonly ILogger<LeakSweeper> logger;

    /// <summary>Creates the sweeper; it writes through the same <paramref name="cache"/> as the <see cref="LeakTracker"/>.</summary>
    public LeakSweeper(
        ILeakLedger ledger, LeakEntryCache cache, IOrchestrationClient client, IIlvbClient ilvb, IAnchorLocks anchors, AnchorHolders holders,
        IOptions<SessionOptions> sessionOptions, IOptions<LeakSweeperOptions> options, SessionMetrics sessionMetrics, LeakMetrics leakMetrics, TimeProvider timeProvider,
        ILogger<LeakSweeper> logger)
    {
        this.ledger = ledger;
        this.cache = cache;
        this.client = client;
        this.ilvb = ilvb;
        this.anchors = anchors;
        this.holders = holders;
        this.sessionOptions = sessionOptions;
        this.options = options;
        this.sessionMetrics = sessionMetrics;
        this.leakMetrics = leakMetrics;
        this.timeProvider = timeProvider;
        this.logger = logger;
    }

    /// <summary>Runs one pass (after the one under way, if any) and tells what it did.</summary>
    public async Task<SweepReport> SweepAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            return await PassAsync(cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => gate.Dispose();

    private async Task<SweepReport> PassAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var tally = new Dictionary<SweepResult, int>();
        // Every open entry, a page at a time: entries that stay open (those of running sessions, given-up ones) must
        // not fill a single page and hide newer leaks behind them.
        var swept = new HashSet<string>(StringComparer.Ordinal);
        LeakEntry? after = null;
        while (true)
        {
            var page = await ledger.ListAsync(new LeakListQuery { Limit = settings.BatchSize, After = after }, cancellationToken);
            foreach (var sessionId in page.Select(e => e.SessionId).Distinct(StringComparer.Ordinal))
            {
                if (!swept.Add(sessionId))
                {
                    continue;
                }

                // Both of its entries at once, though a page may hold only one: the recording first, as the session itself stops them.
                var entries = (await ledger.ListBySessionAsync(sessionId, cancellationToken)).Where(e => e.IsOpen).OrderByDescending(e => e.Kind).ToList();
                var ended = entries.Count == 0 ? null : await EndedAsAsync(sessionId, cancellationToken);
                foreach (var entry in entries)
                {
                    var result = ended is null ? SweepResult.Skipped : await SweepEntryAsync(entry, ended, settings, cancellationToken);
                    tally[result] = tally.GetValueOrDefault(result) + 1;
                }
            }

            // A short page is the last; a page that does not move past the cursor (a ledger ignoring it) would never end.
            if (page.Count < settings.BatchSize || (after is not null && LeakListQuery.Compare(page[0], after) <= 0))
            {
                break;
            }

            after = page[^1];
        }

        var pruned = await ledger.DeleteClosedAsync(timeProvider.GetUtcNow() - settings.Retention, cancellationToken);
        var openAfter = await ledger.CountOpenAsync(cancellationToken);
        leakMetrics.SetOpenEntries(openAfter);
        var report = new SweepReport(tally.Values.Sum(), tally.GetValueOrDefault(SweepResult.Stopped), tally.GetValueOrDefault(SweepResult.Retrying),
            tally.GetValueOrDefault(SweepResult.GivenUp), tally.GetValueOrDefault(SweepResult.Skipped), pruned, openAfter);
        if (report.Stopped + report.Retrying + report.GivenUp + report.Pruned > 0)
        {
            Log.SweepPass(logger, report.Examined, report.Stopped, report.Retrying, report.GivenUp, report.Pruned, report.OpenAfter);
        }

        return report;
    }

    /// <summary>How the session ended, in words; null while it runs (its own stop owns the entries).</summary>
    private async Task<string?> EndedAsAsync(string sessionId, CancellationToken cancellationToken)
    {
        var metadata = await client.GetInstanceAsync(sessionId, getInputsAndOutputs: false, cancellationToken);
        return metadata switch
        {
            null => "was purged",
            { IsCompleted: false } => null,
            { RuntimeStatus: OrchestrationRuntimeStatus.Terminated } => "was terminated",
            { RuntimeStatus: OrchestrationRuntimeStatus.Failed } => "failed",
            _ => "completed without a confirmed stop",
        };
    }

    private async Task<SweepResult> SweepEntryAsync(LeakEntry entry, string endedAs, LeakSweeperOptions settings, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        if (entry.State == LeakState.GivenUp || entry.NextAttemptAt > now || now - entry.LastStartAt < settings.Grace)
        {
            return SweepResult.Skipped;
        }

        try
        {
            // Held from the check to the stop's answer: a start of this anchor waits, so it cannot land between them.
            await using var anchor = await anchors.AcquireAsync(new StreamTarget(entry.RoomId, entry.UserId), cancellationToken);
            if (await HolderAsync(entry, cancellationToken) is { } holder)
            {
                await NoteAsync(entry, LeakSweepSteps.Deferred(entry, holder, now), cancellationToken);
                return SweepResult.Skipped;
            }

            var step = await StopAsync(entry, endedAs, cancellationToken);
            var stored = await LeakLedgerUpdates.UpdateAsync(ledger, cache, entry.SessionId, entry.Kind, step.Apply, cancellationToken);
            leakMetrics.RecordStop(entry.Kind, step.MetricResult);
            step.Log(logger, stored);
            return step.Result;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.SweepEntryFailed(logger, entry.SessionId, entry.Kind, e);
            return SweepResult.Skipped;
        }
    }

    private async Task<LeakSweepStep> StopAsync(LeakEntry entry, string endedAs, CancellationToken cancellationToken)
    {
        var attempt = entry.Attempts + 1;
        var sentAt = timeProvider.GetUtcNow();
        if (entry.Kind == LeakKind.Push)
        {
            var outcome = await VendorCall.RunAsync(SessionActivities.StopPush, entry.SessionId, attempt, async ct =>
            {
                await ilvb.StopPushAsync(entry.ToStopPushRequest(), ct);
                return NoPayload.Value;
            }, sessionMetrics, logger, cancellationToken);
            return LeakSweepSteps.After(entry, endedAs, SessionActivities.StopPush, outcome.Error, StopPhases.ClassifyStop(outcome),
                entry.Tape ? "push (with its tape recording) stopped." : "push stopped.", sentAt, timeProvider.GetUtcNow(),
                sessionOptions.Value.StopRetry);
        }

        var stopped = await VendorCall.RunAsync(SessionActivities.StopRecording, entry.SessionId, attempt,
            ct => ilvb.StopRecordingAsync(entry.ToStopRecordingRequest(), ct), sessionMetrics, logger, cancellationToken);
        var files = stopped.Payload?.FileIds ?? [];
        return LeakSweepSteps.After(entry, endedAs, SessionActivities.StopRecording, stopped.Error, StopPhases.ClassifyStop(stopped),
            files.Count == 0 ? "recording stopped, no file id." : $"recording stopped, file id(s) {string.Join(", ", files)}.",
            sentAt, timeProvider.GetUtcNow(), sessionOptions.Value.StopRetry);
    }

    // Another running session of the anchor (stopping ones too, as their own stop covers the stream) defers the stop.
    private Task<string?> HolderAsync(LeakEntry entry, CancellationToken cancellationToken) =>
        holders.FindAsync(entry.SessionId, new StreamTarget(entry.RoomId, entry.UserId), countStopping: true, cancellationToken);

    private async Task NoteAsync(LeakEntry read, LeakAction? action, CancellationToken cancellationToken)
    {
        if (action is null)
        {
            return;
        }

        await LeakLedgerUpdates.UpdateAsync(ledger, cache, read.SessionId, read.Kind, current => current is { IsOpen: true }
            ? current.WithAction(action) with { UpdatedAt = action.At }
            : null, cancellationToken);
    }
}

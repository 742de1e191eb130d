using Broadcast.Ilvb;
using Microsoft.Extensions.Logging;

namespace Broadcast.Sessions;

/// <summary>
/// What the start and stop activities write to the leak ledger: an entry before each start call (a failure to
/// write it fails the start, which is then never sent), what the answer says after it, and the close once a stop
/// is confirmed or answered "already stopped".
/// </summary>
public sealed class LeakTracker
{
    private readonly ILeakLedger ledger;
    private readonly LeakEntryCache cache;
    private readonly TimeProvider timeProvider;
    private readonly ILogger<LeakTracker> logger;

    /// <summary>Creates the tracker; <paramref name="cache"/> is shared with the <see cref="LeakSweeper"/>.</summary>
    public LeakTracker(ILeakLedger ledger, LeakEntryCache cache, TimeProvider timeProvider, ILogger<LeakTracker> logger)
    {
        this.ledger = ledger;
        this.cache = cache;
        this.timeProvider = timeProvider;
        this.logger = logger;
    }

    /// <summary>Records that a start push is about to be sent.</summary>
    public Task BeforeStartAsync(string sessionId, StartPushRequest request, CancellationToken cancellationToken) =>
        BeforeStartAsync(LeakSubject.Of(sessionId, request), cancellationToken);

    /// <summary>Records that a start recording is about to be sent.</summary>
    public Task BeforeStartAsync(string sessionId, StartRecordingRequest request, CancellationToken cancellationToken) =>
        BeforeStartAsync(LeakSubject.Of(sessionId, request), cancellationToken);

    /// <summary>Records what the start push was answered; never throws for a ledger failure (the entry is open already).</summary>
    public Task AfterStartAsync(string sessionId, StartPushRequest request, SessionError? error, CancellationToken cancellationToken) =>
        AfterStartAsync(LeakSubject.Of(sessionId, request), error, cancellationToken);

    /// <summary>Records what the start recording was answered; never throws for a ledger failure.</summary>
    public Task AfterStartAsync(string sessionId, StartRecordingRequest request, SessionError? error, CancellationToken cancellationToken) =>
        AfterStartAsync(LeakSubject.Of(sessionId, request), error, cancellationToken);

    /// <summary>
    /// Closes the entry when <paramref name="outcome"/> confirms the stop (success, or "already ended"); never throws
    /// for a ledger failure: the entry then stays open, and the sweeper's own stop closes it once the session ended.
    /// </summary>
    public async Task AfterStopAsync<T>(string sessionId, LeakKind kind, CallOutcome<T> outcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (StopPhases.ClassifyStop(outcome) != AttemptVerdict.Succeeded)
        {
            return;
        }

        var reason = outcome.Error is { } ended
            ? $"The session's stop was answered {ended.Code} (already ended)."
            : "Stopped by the session.";
        try
        {
            await LeakLedgerUpdates.UpdateAsync(ledger, cache, sessionId, kind, current => current is { IsOpen: true }
                ? Close(current, LeakState.Stopped, reason, timeProvider.GetUtcNow())
                : null, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.LedgerWriteFailed(logger, sessionId, kind, "close after the stop", e);
        }
    }

    internal static LeakEntry Close(LeakEntry entry, LeakState state, string reason, DateTimeOffset now) => entry with
    {
        State = state,
        ClosedAt = now,
        CloseReason = reason,
        UpdatedAt = now,
        NextAttemptAt = null,
    };

    private async Task BeforeStartAsync(LeakSubject subject, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        await LeakLedgerUpdates.UpdateAsync(ledger, cache, subject.SessionId, subject.Kind, current => current is { IsOpen: true }
            // Still open from an earlier attempt that may have started it: keep its evidence, it may still run.
            ? current with { State = LeakState.Open, LastStartAt = now, UpdatedAt = now, NextAttemptAt = null }
            : subject.Open(now, LeakEvidence.Attempted, current), cancellationToken);
    }

    private async Task AfterStartAsync(LeakSubject subject, SessionError? error, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        LeakEvidence? evidence = error switch
        {
            null => LeakEvidence.Started,
            _ when StartAnswers.MeanStarted(error) => LeakEvidence.Started,
            { OutcomeUnknown: true } => LeakEvidence.MaybeStarted,
            _ => null,
        };
        try
        {
            var reopened = false;
            await LeakLedgerUpdates.UpdateAsync(ledger, cache, subject.SessionId, subject.Kind, current =>
            {
                // The change may see a guess first (no entry, or a remembered one): only its last call counts.
                reopened = false;
                if (evidence is not { } seen)
                {
                    // A refusal shows this attempt started nothing; an earlier attempt may have, unless nothing but
                    // attempts were ever recorded.
                    return current is { State: LeakState.Open, Evidence: LeakEvidence.Attempted }
                        ? Close(current, LeakState.NotStarted, $"The start was refused: {error}", now)
                        : null;
                }

                if (current is not { IsOpen: true })
                {
                    // Closed while the call was on its way (the sweeper stopped before this start arrived): it runs now.
                    reopened = true;
                    return subject.Open(now, seen, current);
                }

                return current with
                {
                    Evidence = seen > current.Evidence ? seen : current.Evidence,
                    LastStartAt = now,
                    UpdatedAt = now,
                };
            }, cancellationToken);
            if (reopened)
            {
                Log.LedgerReopened(logger, subject.SessionId, subject.Kind);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.LedgerWriteFailed(logger, subject.SessionId, subject.Kind, "record the start's answer", e);
        }
    }
}

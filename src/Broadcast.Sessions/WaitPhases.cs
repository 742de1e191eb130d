using Broadcast.Durable;

namespace Broadcast.Sessions;

/// <summary>
/// The waits of a session: its start time, the anchor's join, and the live period with the anchor's leaves and
/// rejoins (DESIGN §1 steps 1, 2, 5).
/// </summary>
internal static class WaitPhases
{
    /// <summary>Waits until startAt; false when cancelled before it.</summary>
    public static async Task<bool> WaitForStartAsync(SessionRun run)
    {
        if (run.Request.StartAt is not { } startAt || startAt <= run.Now)
        {
            return true;
        }

        run.EnterPhase(SessionPhase.Scheduled, $"Scheduled: waiting until {startAt.UtcDateTime:O}.");
        if (!await run.WaitUntilAsync(startAt, cancellable: true))
        {
            return false;
        }

        run.Note(TimelineKind.Timer, "Start time reached.");
        return true;
    }

    public static async Task<JoinResult> WaitForJoinAsync(SessionRun run)
    {
        var deadline = run.Now + run.Input.JoinTimeout;
        run.EnterPhase(SessionPhase.WaitingForJoin,
            $"Waiting for user '{run.Request.UserId}' to join room {run.Request.RoomId} until {deadline.UtcDateTime:O}.");
        if (run.CancelRequested)
        {
            return JoinResult.Cancelled;
        }

        using var waits = new CancellationTokenSource();
        var timeout = run.Context.CreateTimer(deadline.UtcDateTime, waits.Token);

        // The presence notes each join and leave as it arrives; a leave before any join just keeps the wait going.
        while (!run.Presence.InRoom)
        {
            // The cancel comes first: when both are already there, the session must not start anything.
            var winner = await run.WhenAny(run.CancelSignal, run.Presence.Changed, timeout);
            if (winner == run.CancelSignal)
            {
                SessionRun.CancelSynchronously(waits);
                return JoinResult.Cancelled;
            }

            if (winner == timeout)
            {
                await timeout;
                run.Note(TimelineKind.Timer, $"The user did not join within {AttemptLoop.Format(run.Input.JoinTimeout)}.");
                return JoinResult.TimedOut;
            }
        }

        SessionRun.CancelSynchronously(waits);
        run.JoinedAt = run.Now;
        return JoinResult.Joined;
    }

    /// <summary>
    /// Broadcasts until a cancel, the maximum duration, or the anchor staying out of the room longer than the leave
    /// grace, whichever comes first. The anchor may leave and rejoin any number of times; each absence has its own grace.
    /// </summary>
    public static async Task<SessionEndReason> LiveAsync(SessionRun run)
    {
        var until = (run.LiveAt ?? run.Now) + run.Input.MaxDuration;
        run.EnterPhase(SessionPhase.Live, $"Live until a cancel, at most until {until.UtcDateTime:O}.");
        if (run.CancelRequested)
        {
            run.NoteCancel();
            return SessionEndReason.Cancelled;
        }

        using var maxDurationCancellation = new CancellationTokenSource();
        using var grace = new LeaveGraceTimer(run);
        var maxDuration = run.Context.CreateTimer(until.UtcDateTime, maxDurationCancellation.Token);
        try
        {
            while (true)
            {
                // A leave while the push was starting may already be past its grace when the session goes live.
                var graceEnds = run.Presence.LeftAt + run.Input.LeaveGrace;
                if (graceEnds <= run.Now)
                {
                    return AnchorStayedAway(run);
                }

                var graceTimer = grace.Until(graceEnds);
                var changed = run.Presence.Changed;
                var winner = graceTimer is null
                    ? await run.WhenAny(run.CancelSignal, maxDuration, changed)
                    : await run.WhenAny(run.CancelSignal, maxDuration, graceTimer, changed);
                if (winner == run.CancelSignal)
                {
                    run.NoteCancel();
                    return SessionEndReason.Cancelled;
                }

                if (winner == maxDuration)
                {
                    await maxDuration;
                    run.Note(TimelineKind.Timer, $"Maximum duration of {AttemptLoop.Format(run.Input.MaxDuration)} reached.");
                    return SessionEndReason.MaxDurationReached;
                }

                if (winner == graceTimer)
                {
                    await graceTimer;
                    return AnchorStayedAway(run);
                }
            }
        }
        finally
        {
            SessionRun.CancelSynchronously(maxDurationCancellation);
        }
    }

    private static SessionEndReason AnchorStayedAway(SessionRun run)
    {
        run.Note(TimelineKind.Timer, $"The user did not rejoin within the leave grace of {AttemptLoop.Format(run.Input.LeaveGrace)}: stopping.");
        Log.AnchorLeftStop(run.Logger, run.SessionId, run.Input.LeaveGrace);
        return SessionEndReason.AnchorLeft;
    }
}

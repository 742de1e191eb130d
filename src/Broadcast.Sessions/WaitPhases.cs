using System.Text.Json;
using Broadcast.Durable;

namespace Broadcast.Sessions;

/// <summary>The waits of a session: its start time, the anchor's join, and the live period (DESIGN §1 steps 1, 2, 5).</summary>
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
        var joined = run.Context.WaitForExternalEvent<JsonElement>(SessionEvents.UserJoined, waits.Token);
        var timeout = run.Context.CreateTimer(deadline.UtcDateTime, waits.Token);

        // The cancel comes first: when both are already there, the session must not start anything.
        var winner = await Task.WhenAny(run.CancelSignal, joined, timeout);
        SessionRun.CancelSynchronously(waits);
        if (winner == run.CancelSignal)
        {
            return JoinResult.Cancelled;
        }

        if (winner == timeout)
        {
            await timeout;
            run.Note(TimelineKind.Timer, $"The user did not join within {AttemptLoop.Format(run.Input.JoinTimeout)}.");
            return JoinResult.TimedOut;
        }

        await joined;
        run.JoinedAt = run.Now;
        run.Note(TimelineKind.Signal, "User joined the room.");
        return JoinResult.Joined;
    }

    /// <summary>Broadcasts until a cancel or the maximum duration, whichever comes first.</summary>
    public static async Task<SessionEndReason> LiveAsync(SessionRun run)
    {
        var until = (run.LiveAt ?? run.Now) + run.Input.MaxDuration;
        run.EnterPhase(SessionPhase.Live, $"Live until a cancel, at most until {until.UtcDateTime:O}.");
        if (await run.WaitUntilAsync(until, cancellable: true))
        {
            run.Note(TimelineKind.Timer, $"Maximum duration of {AttemptLoop.Format(run.Input.MaxDuration)} reached.");
            return SessionEndReason.MaxDurationReached;
        }

        run.NoteCancel();
        return SessionEndReason.Cancelled;
    }
}

using System.Text.Json;

namespace Broadcast.Sessions;

/// <summary>
/// Follows the anchor's <see cref="SessionEvents.UserJoined"/> and <see cref="SessionEvents.UserLeft"/> signals for the
/// whole session, one at a time in the order they arrive, and notes each in the timeline as it comes. Exactly one wait
/// per event name is open at any time and none is ever cancelled: Durable Task keeps a cancelled wait queued and hands
/// it the next event of that name, which would lose the event. Phases observe <see cref="Changed"/>.
/// </summary>
internal sealed class AnchorPresence
{
    private readonly SessionRun run;
    private TaskCompletionSource changed = new();

    public AnchorPresence(SessionRun run) => this.run = run;

    /// <summary>A join was seen and no leave after it.</summary>
    public bool InRoom { get; private set; }

    /// <summary>When the anchor left the room (orchestration time) and has not rejoined since; null while in the room or before any join.</summary>
    public DateTimeOffset? LeftAt { get; private set; }

    /// <summary>Completes when the next signal has been taken into account; a fresh task after each one.</summary>
    public Task Changed => changed.Task;

    /// <summary>Opens the two waits; called once, when the session starts.</summary>
    public void Start()
    {
        _ = FollowAsync(SessionEvents.UserJoined, PresenceChange.Joined);
        _ = FollowAsync(SessionEvents.UserLeft, PresenceChange.Left);
    }

    private async Task FollowAsync(string eventName, PresenceChange change)
    {
        // Ends with the orchestration: a wait still open when the session completes is simply dropped.
        while (true)
        {
            // The notes of the previous signal are published before the wait, like at every point the orchestration may suspend.
            run.PublishStatus();
            var payload = await run.Context.WaitForExternalEvent<JsonElement>(eventName);
            var source = DescribeSource(payload);
            if (change == PresenceChange.Joined)
            {
                OnJoined(source);
            }
            else
            {
                OnLeft(source);
            }

            var previous = changed;
            changed = new TaskCompletionSource();
            previous.SetResult();
        }
    }

    private void OnJoined(string source)
    {
        if (InRoom)
        {
            run.Note(TimelineKind.Signal, $"User joined the room{source}: already in it.");
            return;
        }

        var leftAt = LeftAt;
        InRoom = true;
        LeftAt = null;
        if (leftAt is { } since && run.Phase is SessionPhase.StartingPush or SessionPhase.StartingRecording or SessionPhase.Live)
        {
            var away = AttemptLoop.Format(run.Now - since);
            run.Note(TimelineKind.Signal, run.Phase == SessionPhase.Live
                ? $"User rejoined the room{source} after {away}: the session stays live."
                : $"User rejoined the room{source} after {away}.");
            Log.AnchorRejoined(run.Logger, run.SessionId, run.Now - since);
            return;
        }

        run.Note(TimelineKind.Signal, run.Phase == SessionPhase.Scheduled
            ? $"User joined the room{source} before the start time."
            : $"User joined the room{source}.");
    }

    private void OnLeft(string source)
    {
        if (!InRoom)
        {
            run.Note(TimelineKind.Signal, LeftAt is { } since
                ? $"User left the room{source}: already away since {since.UtcDateTime:O}; the grace is not extended."
                : $"User left the room{source} before any join was seen: nothing changes.");
            return;
        }

        InRoom = false;
        LeftAt = run.Now;
        var grace = run.Input.LeaveGrace;
        var deadline = run.Now + grace;
        switch (run.Phase)
        {
            case SessionPhase.Live:
                run.Note(TimelineKind.Signal,
                    $"User left the room{source}: the session stops at {deadline.UtcDateTime:O} unless they rejoin within {AttemptLoop.Format(grace)}.");
                Log.AnchorLeft(run.Logger, run.SessionId, deadline);
                break;
            case SessionPhase.StartingPush or SessionPhase.StartingRecording:
                run.Note(TimelineKind.Signal,
                    $"User left the room{source} while the broadcast was starting: once live, it stops at {deadline.UtcDateTime:O} unless they rejoin.");
                Log.AnchorLeft(run.Logger, run.SessionId, deadline);
                break;
            case SessionPhase.Scheduled or SessionPhase.WaitingForJoin:
                run.Note(TimelineKind.Signal, $"User left the room{source} before the session started: it waits for them to join again.");
                break;
            default:
                run.Note(TimelineKind.Signal, $"User left the room{source}.");
                break;
        }
    }

    /// <summary>" (room event 'e-1' of 2026-03-02T07:00:00Z)" for a signal from a room event; empty otherwise.</summary>
    private static string DescribeSource(JsonElement payload)
    {
        if (payload.ValueKind != JsonValueKind.Object
            || !payload.TryGetProperty("eventId", out var id) || id.ValueKind != JsonValueKind.String)
        {
            return "";
        }

        var time = payload.TryGetProperty("eventTime", out var at) && at.ValueKind == JsonValueKind.String && at.TryGetDateTimeOffset(out var eventTime)
            ? $" of {eventTime.UtcDateTime:O}"
            : "";
        return $" (room event '{id.GetString()}'{time})";
    }
}

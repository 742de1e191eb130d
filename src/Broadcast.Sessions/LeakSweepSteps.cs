using Broadcast.Durable;

namespace Broadcast.Sessions;

/// <summary>The sweeper's small decisions and words, apart from its I/O.</summary>
internal static class LeakSweepSteps
{
    public static LeakSweepStep After(
        LeakEntry entry, string endedAs, string operation, SessionError? error, AttemptVerdict verdict, string successText,
        DateTimeOffset sentAt, DateTimeOffset doneAt, RetrySchedule schedule) =>
        new(entry, endedAs, operation, error, verdict, successText, sentAt, doneAt, schedule);

    /// <summary>The note that another session holds the stream; null when the entry says so already.</summary>
    public static LeakAction? Deferred(LeakEntry entry, string holder, DateTimeOffset now)
    {
        var message = $"Not stopped yet: session {holder} of the same room and anchor may hold the {What(entry)}; its own stop covers it.";
        return entry.Actions.Count > 0 && entry.Actions[^1].Message == message ? null : new LeakAction(now, null, null, null, message);
    }

    /// <summary>The phase of a running session that may hold a push or recording; null when it holds none yet.</summary>
    public static string? StreamPhase(OrchestrationMetadata instance, bool countStopping)
    {
        SessionProgress? progress;
        try
        {
            progress = instance.ReadCustomStatusAs<SessionProgress>();
        }
        catch (System.Text.Json.JsonException)
        {
            // Unreadable: assume the worst, as a stop now could end its broadcast.
            return "unknown phase";
        }

        var holds = progress?.Phase is SessionPhase.StartingPush or SessionPhase.StartingRecording or SessionPhase.Live
            || (countStopping && progress?.Phase is SessionPhase.StoppingRecording or SessionPhase.StoppingPush);
        return holds ? progress!.Phase.ToString() : null;
    }

    public static string What(LeakEntry entry) => entry.Kind == LeakKind.Push ? (entry.Tape ? "push (with tape recording)" : "push") : "recording";

    public static string Evidence(LeakEvidence evidence) => evidence switch
    {
        LeakEvidence.Started => "the vendor said it started",
        LeakEvidence.MaybeStarted => "a start's answer was lost",
        _ => "a start was about to be sent",
    };
}

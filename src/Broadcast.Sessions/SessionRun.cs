using System.Text.Json;
using Broadcast.Durable;
using Broadcast.Ilvb;
using Microsoft.Extensions.Logging;

namespace Broadcast.Sessions;

/// <summary>
/// The state of one execution (or replay) of a session: what was started, what may have been, the
/// timeline, and the custom status derived from them. Only orchestration code touches it.
/// </summary>
internal sealed class SessionRun
{
    /// <summary>How many of the latest timeline entries the custom status carries.</summary>
    public const int StatusTimelineLimit = 50;

    private readonly List<TimelineEntry> timeline = [];

    /// <summary>Something the custom status shows changed since it was last set.</summary>
    private bool statusStale;

    public SessionRun(IOrchestrationContext context, BroadcastSessionInput input, ILogger logger)
    {
        Context = context;
        Input = input;
        Logger = logger;
        CancelSignal = context.WaitForExternalEvent<JsonElement>(SessionEvents.Cancel);
        Presence = new AnchorPresence(this);
        Presence.Start();
    }

    public IOrchestrationContext Context { get; }

    public BroadcastSessionInput Input { get; }

    public SessionRequest Request => Input.Request;

    public string SessionId => Context.InstanceId;

    public ILogger Logger { get; }

    /// <summary>Completes when a cancel arrives; awaited by every wait that a cancel may cut short.</summary>
    public Task<JsonElement> CancelSignal { get; }

    public bool CancelRequested => CancelSignal.IsCompleted;

    /// <summary>The anchor's joins and leaves, followed from the session's start.</summary>
    public AnchorPresence Presence { get; }

    public DateTimeOffset Now => new(DateTime.SpecifyKind(Context.CurrentUtcDateTime, DateTimeKind.Utc));

    public SessionPhase Phase { get; private set; } = SessionPhase.WaitingForJoin;

    public DateTimeOffset? JoinedAt { get; set; }

    public DateTimeOffset? LiveAt { get; set; }

    /// <summary>The push is known to run (the vendor said so, or said it already did).</summary>
    public bool PushStarted { get; set; }

    /// <summary>A start push attempt may have reached the vendor without its answer being read.</summary>
    public bool PushMaybeStarted { get; set; }

    /// <summary>The separate recording is known to run, or is treated as running (ambiguous answer).</summary>
    public bool RecordingStarted { get; set; }

    /// <summary>A start recording attempt may have reached the vendor without its answer being read.</summary>
    public bool RecordingMaybeStarted { get; set; }

    public bool PushMustStop => PushStarted || PushMaybeStarted;

    public bool RecordingMustStop => RecordingStarted || RecordingMaybeStarted;

    public StartPushResult? Push { get; set; }

    public IReadOnlyList<string> FileIds { get; set; } = [];

    public bool RecordingDegraded { get; set; }

    /// <summary>The failure that decides the outcome (or the degraded recording's failure).</summary>
    public SessionError? Error { get; set; }

    /// <summary>The latest failed call, shown while running.</summary>
    public SessionError? LastCallError { get; set; }

    public IReadOnlyList<TimelineEntry> Timeline => timeline;

    public void EnterPhase(SessionPhase phase, string message)
    {
        Phase = phase;
        Note(TimelineKind.Phase, message);
        if (phase != SessionPhase.Finished)
        {
            Log.SessionPhase(Logger, SessionId, phase.ToString());
        }
    }

    public void Note(
        TimelineKind kind, string message, string? operation = null, int? attempt = null, long? code = null,
        TimeSpan? delay = null, DateTimeOffset? at = null)
    {
        timeline.Add(new TimelineEntry(at ?? Now, kind, operation, attempt, code, message, delay));
        statusStale = true;
    }

    public void NoteCancel()
    {
        var reason = ReadReason(CancelSignal.Result);
        Note(TimelineKind.Signal, reason is null ? "Cancel requested." : $"Cancel requested: {reason}");
    }

    /// <summary>
    /// Sets the custom status when a note changed it. Called wherever the orchestration may suspend (and when it ends):
    /// a step then publishes once, not at every note, since only the status set last in a step is kept.
    /// </summary>
    public void PublishStatus()
    {
        if (!statusStale)
        {
            return;
        }

        statusStale = false;
        var shown = Math.Min(timeline.Count, StatusTimelineLimit);
        Context.SetCustomStatus(new SessionProgress(
            Phase,
            Push?.LiveUrls ?? [],
            RecordingDegraded,
            Error ?? LastCallError,
            timeline.GetRange(timeline.Count - shown, shown),
            timeline.Count,
            Presence.LeftAt));
    }

    /// <summary>The activity's outcome; the status is published first, as the orchestration may suspend here.</summary>
    public Task<TResult> CallActivityAsync<TResult>(string name, object input)
    {
        PublishStatus();
        return Context.CallActivityAsync<TResult>(name, input);
    }

    /// <summary>The next of a phase's waits to complete; the status is published first, as the orchestration may suspend here.</summary>
    public Task<Task> WhenAny(params Task[] tasks)
    {
        PublishStatus();
        return Task.WhenAny(tasks);
    }

    /// <summary>
    /// Waits on a durable timer until <paramref name="fireAt"/>; when <paramref name="cancellable"/>, a cancel
    /// ends the wait early (the timer is removed). True when the timer fired.
    /// </summary>
    public async Task<bool> WaitUntilAsync(DateTimeOffset fireAt, bool cancellable)
    {
        if (!cancellable)
        {
            PublishStatus();
            await Context.CreateTimer(fireAt.UtcDateTime, CancellationToken.None);
            return true;
        }

        if (CancelRequested)
        {
            return false;
        }

        using var timerCancellation = new CancellationTokenSource();
        var timer = Context.CreateTimer(fireAt.UtcDateTime, timerCancellation.Token);
        var winner = await WhenAny(CancelSignal, timer);
        if (winner == timer)
        {
            await timer;
            return true;
        }

        CancelSynchronously(timerCancellation);
        return false;
    }

    /// <summary>
    /// Cancels timers and waits on the orchestration's own thread: the context is single-threaded, and
    /// <c>CancelAsync</c> would run the removal callbacks elsewhere.
    /// </summary>
    public static void CancelSynchronously(CancellationTokenSource source)
    {
        source.Cancel();
    }

    public SessionResult ToResult(SessionOutcome outcome, SessionEndReason? endReason) => new()
    {
        Outcome = outcome,
        EndReason = endReason,
        LiveUrls = Push?.LiveUrls ?? [],
        ChannelId = Push?.ChannelId,
        TapeTaskId = Push?.TapeTaskId,
        FileIds = FileIds,
        RecordingDegraded = RecordingDegraded,
        Error = Error,
        LiveAt = LiveAt,
        EndedAt = Now,
        Timeline = [.. timeline],
    };

    private static string? ReadReason(JsonElement payload) => payload.ValueKind switch
    {
        JsonValueKind.String => payload.GetString(),
        JsonValueKind.Object when payload.TryGetProperty("reason", out var reason) && reason.ValueKind == JsonValueKind.String
            => reason.GetString(),
        _ => null,
    };
}

using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;

namespace Broadcast.Durable.Execution;

/// <summary>
/// The orchestration context of one step: rebuilds the state of the code from history and collects the
/// new actions (activities, timers) it takes. Every action gets the next task id; an action that history
/// records must come back with the same kind and name, or the step fails as non-deterministic.
/// </summary>
internal sealed partial class ReplayContext : IOrchestrationContext
{
    private readonly Dictionary<int, HistoryEvent> _recorded;
    private readonly HashSet<int> _produced = [];
    private readonly Dictionary<int, ActivityCall> _openActivities = [];
    private readonly Dictionary<int, DurableTimer> _openTimers = [];
    private readonly EventInbox _inbox = new();
    private readonly ILoggerFactory _loggerFactory;
    private int _nextTaskId;
    private int _guidCounter;
    private int _threadId;
    private string? _customStatus;
    private StrongBox<object?>? _replayedCustomStatus;

    public ReplayContext(string instanceId, string name, IReadOnlyList<HistoryEvent> pastEvents, ILoggerFactory loggerFactory)
    {
        InstanceId = instanceId;
        Name = name;
        _loggerFactory = loggerFactory;
        _recorded = [];
        foreach (var e in pastEvents)
        {
            if (e.Kind is HistoryEventKind.TaskScheduled or HistoryEventKind.TimerCreated && e.TaskId is { } id)
            {
                _recorded[id] = e;
            }
        }
    }

    public string InstanceId { get; }

    public string Name { get; }

    public DateTime CurrentUtcDateTime { get; set; }

    public bool IsReplaying { get; set; }

    /// <summary>The actions taken in this step (TaskScheduled and TimerCreated events), in order.</summary>
    public List<HistoryEvent> NewActions { get; private set; } = [];

    /// <summary>Timers created in this step and cancelled before it ended: recorded, never stored as due.</summary>
    public HashSet<int> DroppedTimers { get; private set; } = [];

    /// <summary>Timers of earlier steps cancelled in this one: their due messages are deleted.</summary>
    public List<int> CancelledTimers { get; private set; } = [];

    public NonDeterministicOrchestrationException? NonDeterminism { get; private set; }

    /// <summary>Set when the code used the context in a way that cannot replay (see <see cref="OnOrchestrationThread"/>).</summary>
    public InvalidOperationException? Misuse { get; private set; }

    public ContinueAsNewRequest? ContinueAsNewRequest { get; private set; }

    /// <summary>The status last set, as JSON. A status set while replaying is serialised only here, when asked.</summary>
    public string? CustomStatus
    {
        get
        {
            if (_replayedCustomStatus is { } replayed)
            {
                _customStatus = DurableJson.Serialize(replayed.Value);
                _replayedCustomStatus = null;
            }

            return _customStatus;
        }
    }

    public EventInbox Inbox => _inbox;

    /// <summary>Activities called and not answered yet.</summary>
    public int OpenActivities => _openActivities.Count;

    /// <summary>Starts a step's collections afresh: the previous step's outcome keeps its own.</summary>
    public void BeginStep()
    {
        if (NewActions.Count > 0 || DroppedTimers.Count > 0 || CancelledTimers.Count > 0)
        {
            NewActions = [];
            DroppedTimers = [];
            CancelledTimers = [];
        }
    }

    /// <summary>Binds the context to the executing thread; any other thread is refused.</summary>
    public void Attach() => _threadId = Environment.CurrentManagedThreadId;

    public void Detach() => _threadId = -1;

    public Task<TResult> CallActivityAsync<TResult>(string name, object? input = null, TaskOptions? options = null)
    {
        var json = CallActivityCore(name, input, options);
        return ReadAsync<TResult>(json);
    }

    public Task CallActivityAsync(string name, object? input = null, TaskOptions? options = null) =>
        CallActivityCore(name, input, options);

    public Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken)
    {
        CheckThread();
        return CreateTimerCore(fireAt, onFired: null, cancellationToken);
    }

    public void SetCustomStatus(object? customStatus)
    {
        CheckThread();
        if (IsReplaying)
        {
            // A replayed status was serialised when it was first set, and a later one usually replaces it within the
            // step: serialising each again would cost a long history's replay once per status it ever set.
            _replayedCustomStatus = new StrongBox<object?>(customStatus);
            return;
        }

        _replayedCustomStatus = null;
        _customStatus = DurableJson.Serialize(customStatus);
    }

    public Guid NewGuid()
    {
        CheckThread();
        var name = string.Create(CultureInfo.InvariantCulture, $"{InstanceId}_{CurrentUtcDateTime:O}_{_guidCounter++}");
        return DeterministicGuid.Create(name);
    }

    public ILogger CreateReplaySafeLogger(string categoryName) =>
        new ReplaySafeLogger(_loggerFactory.CreateLogger(categoryName), this);

    public void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true)
    {
        CheckThread();
        ContinueAsNewRequest = new ContinueAsNewRequest(DurableJson.Serialize(newInput), preserveUnprocessedEvents);
    }

    /// <summary>Replays or applies an activity result.</summary>
    public void CompleteActivity(int taskId, string? result)
    {
        if (_openActivities.Remove(taskId, out var call))
        {
            call.Completion.TrySetResult(result);
        }
    }

    /// <summary>Replays or applies an activity failure.</summary>
    public void FailActivity(int taskId, TaskFailureDetails failure)
    {
        if (_openActivities.Remove(taskId, out var call))
        {
            call.Completion.TrySetException(new TaskFailedException(call.Name, failure));
        }
    }

    /// <summary>Replays or applies a fired timer; a cancelled timer is ignored.</summary>
    public void FireTimer(int taskId)
    {
        if (_openTimers.Remove(taskId, out var timer))
        {
            timer.Registration.Dispose();
            timer.Completion.TrySetResult();
            timer.OnFired?.Invoke();
        }
    }

    /// <summary>Checks that a recorded action was taken again by the code during replay.</summary>
    public void VerifyRecorded(HistoryEvent recorded)
    {
        if (recorded.TaskId is { } id && !_produced.Contains(id))
        {
            FailNonDeterministic(recorded.ToString(), "the code did not take this action (it is waiting for something else, or finished)");
        }
    }

    public void FailNonDeterministic(string expected, string actual)
    {
        NonDeterminism ??= new NonDeterministicOrchestrationException(
            $"Non-deterministic orchestration '{Name}' (instance '{InstanceId}'): history expected {expected}, but {actual}.");
    }

    private Task<string?> CallActivityCore(string name, object? input, TaskOptions? options)
    {
        CheckThread();
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        // A replayed call's input is in history already (Record compares kind and name only): serialising it again at
        // every step would be thrown away. Retried calls keep serialising, their later attempts reuse the text.
        var inputJson = options?.Retry is null && IsReplaying
            && _recorded.TryGetValue(_nextTaskId, out var recorded) && recorded.Kind == HistoryEventKind.TaskScheduled
            ? recorded.Data
            : DurableJson.Serialize(input);
        return options?.Retry is { } policy
            ? CallWithRetryAsync(name, inputJson, policy)
            : ScheduleActivity(name, inputJson);
    }

    private Task<string?> ScheduleActivity(string name, string? inputJson)
    {
        var id = _nextTaskId++;
        Record(new HistoryEvent(HistoryEventKind.TaskScheduled, CurrentUtcDateTime, id, name, inputJson));
        var call = new ActivityCall(name, new TaskCompletionSource<string?>());
        _openActivities[id] = call;
        return call.Completion.Task;
    }

    private void Record(HistoryEvent action)
    {
        var id = action.TaskId!.Value;
        _produced.Add(id);
        if (_recorded.TryGetValue(id, out var recorded))
        {
            if (recorded.Kind != action.Kind || !string.Equals(recorded.Name, action.Name, StringComparison.OrdinalIgnoreCase))
            {
                FailNonDeterministic(recorded.ToString(), $"the code did {action}");
                throw NonDeterminism!;
            }

            return;
        }

        if (IsReplaying)
        {
            FailNonDeterministic($"no action {id} at this point", $"the code did {action}");
            throw NonDeterminism!;
        }

        NewActions.Add(action);
    }

    /// <summary>
    /// Cancellation callbacks must run on the orchestration thread (<c>CancellationTokenSource.Cancel()</c>);
    /// <c>CancelAsync()</c> runs them on the thread pool, where they would race the replay. Such a call is
    /// recorded as a misuse that fails the instance with an explanation.
    /// </summary>
    private bool OnOrchestrationThread()
    {
        if (Environment.CurrentManagedThreadId == _threadId)
        {
            return true;
        }

        Misuse ??= new InvalidOperationException(
            "A cancellation token of orchestration code was cancelled from another thread (CancellationTokenSource.CancelAsync, " +
            "CancelAfter or a timer): cancel with CancellationTokenSource.Cancel() on the orchestration's own thread.");
        return false;
    }

    private void CheckThread()
    {
        if (Environment.CurrentManagedThreadId != _threadId)
        {
            throw new InvalidOperationException(
                "Orchestration code called its context from another thread: it must await only tasks from the context " +
                "(activities, timers, external events) and must not use ConfigureAwait(false), Task.Run or Task.Delay.");
        }
    }

    // Deserialization happens after the await so a bad payload faults the orchestration's own task.
    private static async Task<T> ReadAsync<T>(Task<string?> json) => DurableJson.Deserialize<T>(await json)!;
}

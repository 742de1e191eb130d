using Microsoft.Extensions.Logging;

namespace Broadcast.Durable;

/// <summary>
/// What orchestration code may do. Follows the semantics of Durable Task's
/// <c>TaskOrchestrationContext</c> so the Azure Functions host can map it one call to one call.
/// Orchestration code must be deterministic: read time, ids and randomness only through this context.
/// </summary>
public interface IOrchestrationContext
{
    /// <summary>The id of the running orchestration instance.</summary>
    string InstanceId { get; }

    /// <summary>The replay-safe current time: the time of the step being executed.</summary>
    DateTime CurrentUtcDateTime { get; }

    /// <summary>True while the code re-executes steps already recorded in history.</summary>
    bool IsReplaying { get; }

    /// <summary>Schedules an activity and returns its result; a failure surfaces as <see cref="TaskFailedException"/>.</summary>
    Task<TResult> CallActivityAsync<TResult>(string name, object? input = null, TaskOptions? options = null);

    /// <summary>Schedules an activity that returns nothing.</summary>
    Task CallActivityAsync(string name, object? input = null, TaskOptions? options = null);

    /// <summary>A durable timer; cancelling the token removes the timer and cancels the task.</summary>
    Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken);

    /// <summary>Waits for an external event; events raised before the wait are buffered and delivered in order.</summary>
    Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default);

    /// <summary>
    /// Waits for an external event at most <paramref name="timeout"/>; on timeout the task is cancelled
    /// (<see cref="TaskCanceledException"/>), as in Durable Task.
    /// </summary>
    Task<T> WaitForExternalEvent<T>(string eventName, TimeSpan timeout);

    /// <summary>Sets the status visible to clients while the instance runs.</summary>
    void SetCustomStatus(object? customStatus);

    /// <summary>A deterministic GUID: the same value on every replay.</summary>
    Guid NewGuid();

    /// <summary>A logger that writes nothing while replaying.</summary>
    ILogger CreateReplaySafeLogger(string categoryName);

    /// <summary>Restarts the instance with a fresh history and <paramref name="newInput"/> once the current step ends.</summary>
    void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true);
}

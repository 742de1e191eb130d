using Broadcast.Durable;
using Microsoft.Extensions.Logging;
using Dt = Microsoft.DurableTask;

namespace Broadcast.Functions;

/// <summary>
/// The orchestration context the session code is written against, over Durable Functions'
/// <see cref="Dt.TaskOrchestrationContext"/>: every member is one call to its Durable Task counterpart, so
/// replay, timers, event buffering and <c>ContinueAsNew</c> behave as Durable Task defines them.
/// </summary>
internal sealed class DurableTaskOrchestrationContext(Dt.TaskOrchestrationContext inner) : IOrchestrationContext
{
    public string InstanceId => inner.InstanceId;

    public DateTime CurrentUtcDateTime => inner.CurrentUtcDateTime;

    public bool IsReplaying => inner.IsReplaying;

    public async Task<TResult> CallActivityAsync<TResult>(string name, object? input = null, TaskOptions? options = null)
    {
        // Awaited without ConfigureAwait: orchestrator code must resume on the orchestrator's own thread.
        try
        {
            return await inner.CallActivityAsync<TResult>(name, input, DurableTaskRetry.ToTaskOptions(options));
        }
        catch (Dt.TaskFailedException e)
        {
            throw new TaskFailedException(name, DurableTaskMapping.ToFailureDetails(e.FailureDetails));
        }
    }

    public async Task CallActivityAsync(string name, object? input = null, TaskOptions? options = null)
    {
        try
        {
            await inner.CallActivityAsync(name, input, DurableTaskRetry.ToTaskOptions(options));
        }
        catch (Dt.TaskFailedException e)
        {
            throw new TaskFailedException(name, DurableTaskMapping.ToFailureDetails(e.FailureDetails));
        }
    }

    public Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken) =>
        inner.CreateTimer(fireAt, cancellationToken);

    public Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default) =>
        inner.WaitForExternalEvent<T>(eventName, cancellationToken);

    // Durable Task races the event against a durable timer and cancels the event task when the timer wins.
    public Task<T> WaitForExternalEvent<T>(string eventName, TimeSpan timeout) =>
        inner.WaitForExternalEvent<T>(eventName, timeout);

    public void SetCustomStatus(object? customStatus) => inner.SetCustomStatus(customStatus);

    public Guid NewGuid() => inner.NewGuid();

    public ILogger CreateReplaySafeLogger(string categoryName) => inner.CreateReplaySafeLogger(categoryName);

    public void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true) =>
        inner.ContinueAsNew(newInput, preserveUnprocessedEvents);
}

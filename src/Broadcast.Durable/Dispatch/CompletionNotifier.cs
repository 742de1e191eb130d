using System.Collections.Concurrent;

namespace Broadcast.Durable.Dispatch;

/// <summary>Wakes clients waiting for an instance to finish.</summary>
internal sealed class CompletionNotifier
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _waiters = new(StringComparer.Ordinal);

    /// <summary>A task that completes at the next change of the instance's fate (finished, replaced, purged).</summary>
    public Task Watch(string instanceId) =>
        _waiters.GetOrAdd(instanceId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public void Signal(string instanceId)
    {
        if (_waiters.TryRemove(instanceId, out var waiter))
        {
            waiter.TrySetResult();
        }
    }
}

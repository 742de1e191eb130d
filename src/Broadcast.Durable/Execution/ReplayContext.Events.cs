namespace Broadcast.Durable.Execution;

/// <summary>External events: buffered until awaited, FIFO per name, with a durable timer for a timeout.</summary>
internal sealed partial class ReplayContext
{
    public Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default)
    {
        CheckThread();
        ArgumentException.ThrowIfNullOrWhiteSpace(eventName);
        if (_inbox.TryTakeBuffered(eventName, out var data))
        {
            return ReadAsync<T>(Task.FromResult(data));
        }

        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<T>(cancellationToken);
        }

        var waiter = _inbox.AddWaiter(eventName);
        if (cancellationToken.CanBeCanceled)
        {
            cancellationToken.Register(() =>
            {
                if (OnOrchestrationThread())
                {
                    EventInbox.RemoveWaiter(waiter);
                    waiter.Completion.TrySetCanceled(cancellationToken);
                }
            });
        }

        return ReadAsync<T>(waiter.Completion.Task);
    }

    public Task<T> WaitForExternalEvent<T>(string eventName, TimeSpan timeout)
    {
        CheckThread();
        ArgumentException.ThrowIfNullOrWhiteSpace(eventName);
        if (timeout == Timeout.InfiniteTimeSpan)
        {
            return WaitForExternalEvent<T>(eventName, CancellationToken.None);
        }

        if (timeout < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "The timeout must not be negative (or be Timeout.InfiniteTimeSpan).");
        }

        if (_inbox.TryTakeBuffered(eventName, out var data))
        {
            return ReadAsync<T>(Task.FromResult(data));
        }

        if (timeout == TimeSpan.Zero)
        {
            return Task.FromCanceled<T>(new CancellationToken(canceled: true));
        }

        var waiter = _inbox.AddWaiter(eventName);
        var timerCancellation = new CancellationTokenSource();
        waiter.OnDelivered = timerCancellation.Cancel;
        _ = CreateTimerCore(
            CurrentUtcDateTime.Add(timeout),
            onFired: () =>
            {
                EventInbox.RemoveWaiter(waiter);
                waiter.Completion.TrySetCanceled();
            },
            timerCancellation.Token);
        return ReadAsync<T>(waiter.Completion.Task);
    }
}

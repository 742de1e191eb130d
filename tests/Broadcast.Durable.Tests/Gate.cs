namespace Broadcast.Durable.Tests;

/// <summary>A latch a test opens to let activities proceed, and that records that they reached it.</summary>
public sealed class Gate
{
    private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _arrived;

    public int Arrived => Volatile.Read(ref _arrived);

    public Task PassAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _arrived);
        return _open.Task.WaitAsync(cancellationToken);
    }

    public void Open() => _open.TrySetResult();
}

namespace Broadcast.Durable.Execution;

/// <summary>
/// Runs orchestration continuations on the executing thread, in the order they were posted, so a replay
/// makes the same decisions every time. Posts arriving after the step (from code that awaited something
/// non-durable) are never run.
/// </summary>
internal sealed class OrchestrationSynchronizationContext : SynchronizationContext
{
    private readonly Queue<(SendOrPostCallback Callback, object? State)> _pending = new();

    public override void Post(SendOrPostCallback d, object? state)
    {
        lock (_pending)
        {
            _pending.Enqueue((d, state));
        }
    }

    public override void Send(SendOrPostCallback d, object? state) =>
        throw new NotSupportedException("Orchestration code cannot block on its synchronization context.");

    public override SynchronizationContext CreateCopy() => this;

    /// <summary>Runs every queued continuation, including the ones they queue in turn.</summary>
    public void RunPending()
    {
        while (true)
        {
            (SendOrPostCallback Callback, object? State) next;
            lock (_pending)
            {
                if (!_pending.TryDequeue(out next))
                {
                    return;
                }
            }

            next.Callback(next.State);
        }
    }
}

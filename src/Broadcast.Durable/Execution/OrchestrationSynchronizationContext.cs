namespace Broadcast.Durable.Execution;

/// <summary>
/// Runs orchestration continuations on the executing thread, in the order they were posted, so a replay
/// makes the same decisions every time. A post arriving after the step (from code that awaited something
/// non-durable, which orchestration code must not do) runs at the start of the next step if the code is kept
/// between steps, and never if the next step replays.
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

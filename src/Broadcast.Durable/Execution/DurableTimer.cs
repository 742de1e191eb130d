namespace Broadcast.Durable.Execution;

/// <summary>One pending durable timer of an execution.</summary>
internal sealed class DurableTimer(int id)
{
    public int Id { get; } = id;

    public TaskCompletionSource Completion { get; } = new();

    /// <summary>Runs when the timer fires (e.g. gives up an event wait).</summary>
    public Action? OnFired { get; set; }

    public CancellationTokenRegistration Registration { get; set; }
}

namespace Broadcast.Durable.Execution;

/// <summary>One pending <c>WaitForExternalEvent</c>.</summary>
internal sealed class EventWaiter
{
    public TaskCompletionSource<string?> Completion { get; } = new();

    public LinkedListNode<EventWaiter>? Node { get; set; }

    /// <summary>Runs when the event arrives (e.g. cancels the timeout timer).</summary>
    public Action? OnDelivered { get; set; }

    public void Deliver(string? data)
    {
        if (Completion.TrySetResult(data))
        {
            OnDelivered?.Invoke();
        }
    }
}

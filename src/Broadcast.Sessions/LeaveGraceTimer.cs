namespace Broadcast.Sessions;

/// <summary>
/// The durable timer of a live session's leave grace: one timer per absence, kept while the deadline stays the same
/// (a repeated leave does not extend it), removed when the anchor rejoins or the session ends.
/// </summary>
internal sealed class LeaveGraceTimer(SessionRun run) : IDisposable
{
    private CancellationTokenSource? cancellation;
    private DateTimeOffset? deadline;
    private Task? timer;

    /// <summary>The timer until <paramref name="due"/>, or none for a null deadline (the anchor is in the room).</summary>
    public Task? Until(DateTimeOffset? due)
    {
        if (due == deadline)
        {
            return timer;
        }

        Remove();
        deadline = due;
        if (due is { } at)
        {
            cancellation = new CancellationTokenSource();
            timer = run.Context.CreateTimer(at.UtcDateTime, cancellation.Token);
        }

        return timer;
    }

    public void Dispose() => Remove();

    private void Remove()
    {
        if (cancellation is not null)
        {
            SessionRun.CancelSynchronously(cancellation);
            cancellation.Dispose();
            cancellation = null;
        }

        timer = null;
    }
}

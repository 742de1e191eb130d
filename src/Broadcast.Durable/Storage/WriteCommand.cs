namespace Broadcast.Durable.Storage;

/// <summary>One unit of work for the writer: executed inside a (possibly shared) transaction, answered after commit.</summary>
internal abstract class WriteCommand
{
    /// <summary>The command's name in the engine's metrics.</summary>
    public abstract string MetricName { get; }

    /// <summary>Where its waits are recorded; set by the writer when the command is submitted.</summary>
    public EngineMetrics? Metrics { get; set; }

    /// <summary>When it was submitted and when its latest transaction began (<see cref="System.Diagnostics.Stopwatch"/> timestamps; 0 before).</summary>
    public long SubmittedAt { get; set; }

    public long StartedAt { get; set; }

    /// <summary>Writes; throws <see cref="WriteRejectedException"/> before writing anything to refuse itself alone.</summary>
    public abstract void Execute(WriteSession session);

    /// <summary>Runs on the writer thread after the commit; must be quick and must not throw.</summary>
    public abstract void Committed();

    public abstract void Failed(Exception exception);
}

/// <summary>A write command with a result for its caller.</summary>
internal abstract class WriteCommand<T> : WriteCommand
{
    private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<T> Completion => _completion.Task;

    protected T Result { get; set; } = default!;

    public override void Committed()
    {
        Metrics?.WriteAnswered(MetricName, StartedAt);
        OnCommitted();
        _completion.TrySetResult(Result);
    }

    public override void Failed(Exception exception) => _completion.TrySetException(exception);

    /// <summary>Post-commit effects (wake the dispatcher, start activities).</summary>
    protected virtual void OnCommitted()
    {
    }
}

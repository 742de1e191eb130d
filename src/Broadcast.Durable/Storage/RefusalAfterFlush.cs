namespace Broadcast.Durable.Storage;

/// <summary>
/// A command its own execution refused, waiting in the flusher with the batch it was part of. The refusal rests on
/// what the store held then (an id already taken, an instance gone), which may be a commit not yet on disk; so it is
/// told to the caller only once that is flushed, and a failed flush fails it with the flush's error instead.
/// </summary>
internal sealed class RefusalAfterFlush(WriteCommand refused, Exception reason) : WriteCommand
{
    public override string MetricName => refused.MetricName;

    public override void Execute(WriteSession session) =>
        throw new InvalidOperationException("A refusal is only answered; it writes nothing.");

    public override void Committed() => refused.Failed(reason);

    public override void Failed(Exception exception) => refused.Failed(exception);
}

using Broadcast.Durable.Execution;
using Broadcast.Durable.Storage;

namespace Broadcast.Durable.Dispatch;

/// <summary>What a step needs of an instance: its row and the history of its current execution.</summary>
internal sealed record InstanceState(InstanceRow Row, IReadOnlyList<HistoryEvent> History)
{
    /// <summary>The execution's code as the last step left it, having seen exactly <see cref="History"/>; null when it must be replayed.</summary>
    public LiveOrchestration? Live { get; init; }
}

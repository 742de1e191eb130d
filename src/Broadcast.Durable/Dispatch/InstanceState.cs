using Broadcast.Durable.Storage;

namespace Broadcast.Durable.Dispatch;

/// <summary>What a step needs of an instance: its row and the history of its current execution.</summary>
internal sealed record InstanceState(InstanceRow Row, IReadOnlyList<HistoryEvent> History);

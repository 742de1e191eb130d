namespace Broadcast.Durable.Storage;

/// <summary>An activity to run: a row of the activities table.</summary>
internal sealed record ActivityWorkItem(long Id, string InstanceId, string ExecutionId, int TaskId, string Name, string? Input)
{
    /// <summary>Scheduled by a step that handled a client's event: runs before routine work. Not stored; after a restart all are routine.</summary>
    public bool Urgent { get; init; }
}

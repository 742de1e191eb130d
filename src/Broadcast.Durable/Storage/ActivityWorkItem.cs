namespace Broadcast.Durable.Storage;

/// <summary>An activity to run: a row of the activities table.</summary>
internal sealed record ActivityWorkItem(long Id, string InstanceId, string ExecutionId, int TaskId, string Name, string? Input);

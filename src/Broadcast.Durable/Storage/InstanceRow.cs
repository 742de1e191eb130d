namespace Broadcast.Durable.Storage;

/// <summary>The parts of an instance row a step needs.</summary>
internal sealed record InstanceRow(
    string InstanceId,
    string Name,
    string ExecutionId,
    OrchestrationRuntimeStatus Status,
    long Version);

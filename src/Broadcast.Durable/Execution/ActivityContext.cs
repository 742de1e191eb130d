namespace Broadcast.Durable.Execution;

/// <summary>The context handed to one activity invocation.</summary>
internal sealed record ActivityContext(string Name, string InstanceId) : IActivityContext;

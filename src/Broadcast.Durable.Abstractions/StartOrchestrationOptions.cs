namespace Broadcast.Durable;

/// <summary>How to schedule a new instance.</summary>
/// <param name="InstanceId">The instance id; null for a generated one.</param>
/// <param name="StartAt">When to start; null for now.</param>
public sealed record StartOrchestrationOptions(string? InstanceId = null, DateTimeOffset? StartAt = null);

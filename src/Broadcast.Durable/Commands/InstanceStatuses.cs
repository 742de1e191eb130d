namespace Broadcast.Durable.Commands;

/// <summary>Status helpers shared by the writes.</summary>
internal static class InstanceStatuses
{
    public static bool IsFinished(OrchestrationRuntimeStatus status) => status is OrchestrationRuntimeStatus.Completed
        or OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated;
}

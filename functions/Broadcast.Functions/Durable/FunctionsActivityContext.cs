using Broadcast.Durable;

namespace Broadcast.Functions;

/// <summary>What an activity knows of its invocation: its registered name and the orchestration that scheduled it.</summary>
/// <param name="Name">The activity's function name.</param>
/// <param name="InstanceId">The orchestration instance id, bound by the Durable extension to an <c>instanceId</c> parameter.</param>
internal sealed record FunctionsActivityContext(string Name, string InstanceId) : IActivityContext;

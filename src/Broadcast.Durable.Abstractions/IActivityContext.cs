namespace Broadcast.Durable;

/// <summary>What an activity knows of its invocation.</summary>
public interface IActivityContext
{
    /// <summary>The activity's registered name.</summary>
    string Name { get; }

    /// <summary>The orchestration instance that scheduled the activity.</summary>
    string InstanceId { get; }
}

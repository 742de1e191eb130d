namespace Broadcast.Durable;

/// <summary>One instance as a client sees it.</summary>
public sealed record OrchestrationMetadata
{
    /// <summary>The orchestrator's name.</summary>
    public required string Name { get; init; }

    /// <summary>The instance id.</summary>
    public required string InstanceId { get; init; }

    /// <summary>The runtime status.</summary>
    public required OrchestrationRuntimeStatus RuntimeStatus { get; init; }

    /// <summary>When the instance was created.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the instance last changed.</summary>
    public required DateTimeOffset LastUpdatedAt { get; init; }

    /// <summary>The input as JSON (when inputs and outputs were asked for).</summary>
    public string? SerializedInput { get; init; }

    /// <summary>The output as JSON (when inputs and outputs were asked for).</summary>
    public string? SerializedOutput { get; init; }

    /// <summary>The custom status as JSON.</summary>
    public string? SerializedCustomStatus { get; init; }

    /// <summary>Why the instance failed, when it did.</summary>
    public TaskFailureDetails? FailureDetails { get; init; }

    /// <summary>True for a status that will not change again.</summary>
    public bool IsCompleted => RuntimeStatus is OrchestrationRuntimeStatus.Completed
        or OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated;

    /// <summary>True while the instance may still run code.</summary>
    public bool IsRunning => !IsCompleted;

    /// <summary>Reads the input.</summary>
    public T? ReadInputAs<T>() => DurableJson.Deserialize<T>(SerializedInput);

    /// <summary>Reads the output.</summary>
    public T? ReadOutputAs<T>() => DurableJson.Deserialize<T>(SerializedOutput);

    /// <summary>Reads the custom status.</summary>
    public T? ReadCustomStatusAs<T>() => DurableJson.Deserialize<T>(SerializedCustomStatus);
}

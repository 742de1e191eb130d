namespace Broadcast.Durable;

/// <summary>A filter over instances; every set criterion must match.</summary>
public sealed record OrchestrationQuery
{
    /// <summary>Created at or after this time.</summary>
    public DateTimeOffset? CreatedFrom { get; init; }

    /// <summary>Created before this time.</summary>
    public DateTimeOffset? CreatedTo { get; init; }

    /// <summary>Any of these statuses; null or empty for all.</summary>
    public IReadOnlyCollection<OrchestrationRuntimeStatus>? Statuses { get; init; }

    /// <summary>Instance ids that start with this text (ordinal).</summary>
    public string? InstanceIdPrefix { get; init; }

    /// <summary>At most this many instances per page.</summary>
    public int PageSize { get; init; } = 100;

    /// <summary>The token from the previous page, or null for the first.</summary>
    public string? ContinuationToken { get; init; }

    /// <summary>Whether to read inputs and outputs.</summary>
    public bool FetchInputsAndOutputs { get; init; }
}

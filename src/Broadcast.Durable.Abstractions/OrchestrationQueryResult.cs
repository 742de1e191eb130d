namespace Broadcast.Durable;

/// <summary>One page of a query.</summary>
/// <param name="Instances">The instances of this page, in instance id order.</param>
/// <param name="ContinuationToken">The token for the next page, or null when this is the last.</param>
public sealed record OrchestrationQueryResult(IReadOnlyList<OrchestrationMetadata> Instances, string? ContinuationToken);

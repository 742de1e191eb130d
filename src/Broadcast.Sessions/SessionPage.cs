namespace Broadcast.Sessions;

/// <summary>One page of sessions, in id order (ids with generated keys sort by creation time).</summary>
/// <param name="Items">The sessions.</param>
/// <param name="ContinuationToken">The token for the next page; null when this is the last.</param>
public sealed record SessionPage(IReadOnlyList<SessionView> Items, string? ContinuationToken);

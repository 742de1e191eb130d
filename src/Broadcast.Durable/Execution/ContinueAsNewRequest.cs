namespace Broadcast.Durable.Execution;

/// <summary>What <c>ContinueAsNew</c> asked for.</summary>
internal sealed record ContinueAsNewRequest(string? Input, bool PreserveUnprocessedEvents);

namespace Broadcast.Durable.Execution;

/// <summary>One scheduled activity whose result has not been replayed yet.</summary>
internal sealed record ActivityCall(string Name, TaskCompletionSource<string?> Completion);

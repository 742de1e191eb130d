namespace Broadcast.Durable.Registration;

/// <summary>Runs one orchestration from its JSON input to its JSON output.</summary>
internal delegate Task<string?> OrchestratorInvoker(IOrchestrationContext context, string? input);

namespace Broadcast.Durable.Registration;

/// <summary>Runs one activity invocation from its JSON input to its JSON output, with services from its scope.</summary>
internal delegate Task<string?> ActivityInvoker(IServiceProvider services, IActivityContext context, string? input, CancellationToken cancellationToken);

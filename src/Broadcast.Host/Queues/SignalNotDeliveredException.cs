namespace Broadcast.Host;

/// <summary>A signal no session took (yet); the message is retried and poisoned after the last attempt.</summary>
internal sealed class SignalNotDeliveredException(string message) : Exception(message);

namespace Broadcast.Sessions;

/// <summary>The answer to a create.</summary>
/// <param name="SessionId">The session's id.</param>
/// <param name="Created">False when the same request with the same key had already created it.</param>
public sealed record SessionCreated(string SessionId, bool Created);

namespace Broadcast.BadInput.Tests;

/// <summary>The part of a create answer the cases use: the session's id.</summary>
public sealed record CreatedLinks(string Id, bool Created);

namespace Broadcast.Sessions;

/// <summary>An explicit id is already taken by a session or schedule with a different request.</summary>
public sealed class SessionConflictException : Exception
{
    /// <summary>Creates the exception for <paramref name="id"/>.</summary>
    public SessionConflictException(string id)
        : base($"'{id}' already exists with a different request; use another key, or repeat the same request to get the existing one.")
    {
        Id = id;
    }

    /// <summary>The conflicting session or schedule id.</summary>
    public string Id { get; }
}

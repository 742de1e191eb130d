namespace Broadcast.CrashSuite;

/// <summary>One broken promise, naming the session it concerns (or the room and anchor, when no session is known).</summary>
internal sealed record Violation(string Check, string Session, string Detail);

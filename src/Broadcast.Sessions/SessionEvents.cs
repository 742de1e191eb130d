namespace Broadcast.Sessions;

/// <summary>The external events a session waits for.</summary>
public static class SessionEvents
{
    /// <summary>The anchor joined the room; the session may start the push.</summary>
    public const string UserJoined = "UserJoined";

    /// <summary>
    /// The anchor left the room: a live session stops with <see cref="SessionOutcome.AnchorLeft"/> unless a
    /// <see cref="UserJoined"/> follows within its leave grace.
    /// </summary>
    public const string UserLeft = "UserLeft";

    /// <summary>End the session: before it is live it ends <see cref="SessionOutcome.Cancelled"/>, once live it stops and completes.</summary>
    public const string Cancel = "Cancel";
}

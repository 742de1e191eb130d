namespace Broadcast.CrashSuite;

/// <summary>How "the anchor joined" reaches the host.</summary>
internal enum JoinSignal
{
    /// <summary><c>POST /api/sessions/{id}/user-joined</c>.</summary>
    HttpSession,

    /// <summary><c>POST /api/rooms/{roomId}/users/{userId}/joined</c>.</summary>
    HttpRoom,

    /// <summary>A <c>user-joined</c> queue message naming the session.</summary>
    QueueSession,

    /// <summary>A <c>user-joined</c> queue message naming the room and the anchor.</summary>
    QueueRoom,
}

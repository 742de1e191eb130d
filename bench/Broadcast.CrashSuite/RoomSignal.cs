namespace Broadcast.CrashSuite;

/// <summary>The answer to <c>POST /api/rooms/{roomId}/users/{userId}/joined</c>: the sessions signalled.</summary>
internal sealed record RoomSignal(IReadOnlyList<string> Signalled);

namespace Broadcast.Sessions.Tests;

/// <summary>Ledger entries for the tests of each ledger: the fields a store must keep, nothing more.</summary>
public static class TestLeakEntries
{
    /// <summary>An open entry of anchor "a" in room 1, opened, started and updated at <paramref name="openedAt"/>.</summary>
    public static LeakEntry Entry(string sessionId, LeakKind kind, DateTimeOffset openedAt) => new()
    {
        SessionId = sessionId,
        Kind = kind,
        RoomId = 1,
        UserId = "a",
        OpenedAt = openedAt,
        LastStartAt = openedAt,
        UpdatedAt = openedAt,
    };
}

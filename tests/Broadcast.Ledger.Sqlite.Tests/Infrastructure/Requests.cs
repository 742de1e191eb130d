using Broadcast.Sessions;

namespace Broadcast.Ledger.Sqlite.Tests;

/// <summary>Session requests: generous windows, a room per test so tests never share an anchor at the vendor.</summary>
public static class Requests
{
    private static int nextRoom = 7000;

    public static uint NewRoom() => (uint)Interlocked.Increment(ref nextRoom);

    public static SessionRequest Session(uint roomId, string key, string userId = "anchor-1") => new()
    {
        RoomId = roomId,
        UserId = userId,
        Key = key,
        ChannelName = "Channel " + key,
        JoinTimeout = TimeSpan.FromMinutes(10),
        MaxDuration = TimeSpan.FromHours(2),
    };

    public static SessionRequest WithRecording(this SessionRequest request, RecordingMode mode) => request with
    {
        Recording = new RecordingSettings { Mode = mode, FileName = "rec-" + request.Key },
    };
}

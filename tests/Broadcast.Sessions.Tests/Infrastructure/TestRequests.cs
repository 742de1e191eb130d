namespace Broadcast.Sessions.Tests;

/// <summary>Session requests for the tests: each test its own room, generous windows.</summary>
public static class TestRequests
{
    private static int nextRoom = 5000;

    /// <summary>A room no other test uses.</summary>
    public static uint NewRoom() => (uint)Interlocked.Increment(ref nextRoom);

    public static SessionRequest Session(uint roomId, string userId = "anchor-1", string? key = null) => new()
    {
        RoomId = roomId,
        UserId = userId,
        Key = key,
        ChannelName = $"Channel of room {roomId}",
        ChannelDescription = "A test broadcast",
        Bitrates = [Ilvb.Bitrate.Original, Ilvb.Bitrate.Hd],
        JoinTimeout = TimeSpan.FromMinutes(5),
        MaxDuration = TimeSpan.FromHours(1),
    };

    public static SessionRequest WithRecording(this SessionRequest request, RecordingMode mode, bool required = true) => request with
    {
        Recording = new RecordingSettings { Mode = mode, FileName = $"room-{request.RoomId}", Required = required },
    };

    public static SessionRequest WithStartAttempts(this SessionRequest request, int attempts) => request with
    {
        Retry = new SessionRetryOverrides { Start = new RetryOverride { MaxAttempts = attempts } },
    };
}

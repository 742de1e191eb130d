using Broadcast.Sessions;

namespace Broadcast.Host.Tests;

/// <summary>Session requests for the tests: generous join and live windows, retries in milliseconds.</summary>
public static class Requests
{
    public static readonly SessionRetryOverrides FastRetries = new()
    {
        Start = new RetryOverride { FirstDelay = TimeSpan.FromMilliseconds(50), MaxDelay = TimeSpan.FromMilliseconds(200), JitterFactor = 0 },
        Stop = new RetryOverride { FirstDelay = TimeSpan.FromMilliseconds(50), MaxDelay = TimeSpan.FromMilliseconds(200), JitterFactor = 0 },
    };

    public static SessionRequest Session(string key, uint roomId = 1001, string userId = "anchor-1") => new()
    {
        RoomId = roomId,
        UserId = userId,
        Key = key,
        ChannelName = "Test channel " + key,
        JoinTimeout = TimeSpan.FromMinutes(5),
        MaxDuration = TimeSpan.FromHours(1),
        Retry = FastRetries,
    };

    public static SessionRequest WithRecording(this SessionRequest request, RecordingMode mode, bool required = true) => request with
    {
        Recording = new RecordingSettings { Mode = mode, FileName = "rec-" + request.Key, Required = required },
    };
}

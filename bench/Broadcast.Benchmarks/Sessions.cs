using Broadcast.Sessions;

namespace Broadcast.Benchmarks;

/// <summary>The sessions the benchmark runs: one room and anchor each, a separate recording, generous windows.</summary>
internal static class Sessions
{
    public static SessionRequest Full(string run, int index) => new()
    {
        RoomId = RoomOf(index),
        UserId = UserOf(index),
        Key = $"{run}-{index}",
        ChannelName = $"Benchmark {index}",
        Recording = new RecordingSettings { Mode = RecordingMode.Separate, FileName = $"bench-{index}" },
        JoinTimeout = TimeSpan.FromMinutes(30),
        MaxDuration = TimeSpan.FromHours(1),
    };

    /// <summary>The session id the host derives from the request (its room, anchor and key).</summary>
    public static string IdOf(SessionRequest request) => SessionIds.ForSession(request.RoomId, request.UserId, request.Key!);

    /// <summary>The session's path in the host's API, under which its signals and cancel are posted.</summary>
    public static string PathOf(string id) => "/api/sessions/" + Uri.EscapeDataString(id);

    public static uint RoomOf(int index) => 100_000 + (uint)index;

    public static string UserOf(int index) => $"anchor-{index}";
}

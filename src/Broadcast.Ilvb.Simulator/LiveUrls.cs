using System.Globalization;

namespace Broadcast.Ilvb.Simulator;

/// <summary>Builds plausible play URLs: one per output coding of the live code, times each bitrate.</summary>
internal static class LiveUrls
{
    public const uint Hls = 1;
    public const uint Rtmp = 5;
    public const uint HlsAndRtmp = 6;

    public static bool IsLiveCode(uint code) => code is Hls or Rtmp or HlsAndRtmp;

    public static bool IsRateType(uint rate) => rate is 0 or 10 or 20;

    public static IReadOnlyList<LiveUrlEntry> For(uint sdkAppId, uint liveCode, IReadOnlyList<uint> rateTypes, ulong channelId)
    {
        uint[] types = liveCode == HlsAndRtmp ? [Hls, Rtmp] : [liveCode];
        var rates = rateTypes.Count == 0 ? [0u] : rateTypes.Distinct().ToArray();
        var urls = new List<LiveUrlEntry>(types.Length * rates.Length);
        foreach (var type in types)
        {
            foreach (var rate in rates)
            {
                urls.Add(new LiveUrlEntry(type, Url(sdkAppId, type, rate, channelId), rate));
            }
        }

        return urls;
    }

    private static string Url(uint sdkAppId, uint type, uint rate, ulong channelId)
    {
        var suffix = rate switch { 10 => "_550", 20 => "_900", _ => string.Empty };
        return type == Hls
            ? string.Create(CultureInfo.InvariantCulture, $"http://play.ilvb.test/live/{sdkAppId}_{channelId}{suffix}.m3u8")
            : string.Create(CultureInfo.InvariantCulture, $"rtmp://play.ilvb.test/live/{sdkAppId}_{channelId}{suffix}");
    }
}

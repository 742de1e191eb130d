namespace Broadcast.Ilvb;

/// <summary>The stream output coding (<c>uint32_live_code</c>, <c>LiveUrl.uint32_type</c>).</summary>
public enum LiveCode
{
    /// <summary>HLS push.</summary>
    Hls = 1,

    /// <summary>RTMP push.</summary>
    Rtmp = 5,

    /// <summary>HLS and RTMP push.</summary>
    HlsAndRtmp = 6,
}

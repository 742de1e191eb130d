namespace Broadcast.Ilvb;

/// <summary>A bitrate type (<c>rpt_rate_type</c>, <c>LiveUrl.RateType</c>).</summary>
public enum Bitrate
{
    /// <summary>Original bitrate.</summary>
    Original = 0,

    /// <summary>SD bitrate (550K).</summary>
    Sd = 10,

    /// <summary>HD bitrate (900K).</summary>
    Hd = 20,
}

namespace Broadcast.Ilvb;

/// <summary>A 0x6 start-push request.</summary>
public sealed record StartPushRequest
{
    /// <summary>Room and anchor.</summary>
    public required StreamTarget Target { get; init; }

    /// <summary><c>uint32_live_code</c>.</summary>
    public LiveCode LiveCode { get; init; } = LiveCode.HlsAndRtmp;

    /// <summary><c>uint32_sdk_type</c>.</summary>
    public SdkType SdkType { get; init; } = SdkType.Normal;

    /// <summary><c>str_channel_name</c> (required by the vendor).</summary>
    public required string ChannelName { get; init; }

    /// <summary><c>str_channel_describe</c> (required by the vendor; may be empty).</summary>
    public string ChannelDescription { get; init; } = "";

    /// <summary><c>str_player_pwd</c> (required by the vendor; empty for none).</summary>
    public string PlayerPassword { get; init; } = "";

    /// <summary><c>uint32_push_data_type</c>.</summary>
    public DataSource Source { get; init; } = DataSource.Camera;

    /// <summary><c>uint32_tape_flag</c>: record during the push.</summary>
    public bool Tape { get; init; }

    /// <summary><c>uint32_watermark_flag</c>; null leaves the field out.</summary>
    public bool? Watermark { get; init; }

    /// <summary><c>uint32_watermark_id</c>; null leaves the field out.</summary>
    public uint? WatermarkId { get; init; }

    /// <summary><c>rpt_rate_type</c>; empty leaves the field out (the vendor then returns the original bitrate).</summary>
    public IReadOnlyList<Bitrate> Bitrates { get; init; } = [];
}

using Broadcast.Ilvb;

namespace Broadcast.Sessions;

/// <summary>
/// What a caller asks for: one broadcast of one anchor in one room. Every member is checked by
/// <see cref="SessionService.CreateAsync"/> before an instance exists; errors name the JSON field.
/// </summary>
public sealed record SessionRequest
{
    /// <summary>The room (<c>uint32_auth_key</c>), 1 or more.</summary>
    public uint RoomId { get; init; }

    /// <summary>The anchor (<c>rpt_to_Account</c>): 1–32 letters, digits, <c>_ - . @</c>.</summary>
    public string UserId { get; init; } = "";

    /// <summary>
    /// The caller's key for this session (1–64 letters, digits, <c>_ - .</c>); it makes creation
    /// idempotent. Null for a generated one.
    /// </summary>
    public string? Key { get; init; }

    /// <summary><c>str_channel_name</c>: 1–200 characters.</summary>
    public string ChannelName { get; init; } = "";

    /// <summary><c>str_channel_describe</c>: at most 1000 characters.</summary>
    public string ChannelDescription { get; init; } = "";

    /// <summary><c>str_player_pwd</c>: at most 64 characters; empty for none.</summary>
    public string PlayerPassword { get; init; } = "";

    /// <summary>The output coding.</summary>
    public LiveCode LiveCode { get; init; } = LiveCode.HlsAndRtmp;

    /// <summary>The SDK type.</summary>
    public SdkType SdkType { get; init; } = SdkType.Normal;

    /// <summary>What is pushed: camera or screen.</summary>
    public DataSource Source { get; init; } = DataSource.Camera;

    /// <summary>The bitrates to return URLs for, distinct; empty for the original bitrate only.</summary>
    public IReadOnlyList<Bitrate> Bitrates { get; init; } = [];

    /// <summary>The push's watermark; null for none.</summary>
    public WatermarkSettings? Watermark { get; init; }

    /// <summary>The recording; null for none.</summary>
    public RecordingSettings? Recording { get; init; }

    /// <summary>When the session starts waiting for the anchor; null for now. At most a year ahead.</summary>
    public DateTimeOffset? StartAt { get; init; }

    /// <summary>How long to wait for the anchor to join (1 s to 24 h); null for the configured default.</summary>
    public TimeSpan? JoinTimeout { get; init; }

    /// <summary>How long the session stays live at most (1 s to 7 d); null for the configured default.</summary>
    public TimeSpan? MaxDuration { get; init; }

    /// <summary>
    /// How long a live session waits for its anchor to rejoin after a leave before it stops with
    /// <see cref="SessionOutcome.AnchorLeft"/> (0 s to 24 h); null for the configured default.
    /// </summary>
    public TimeSpan? LeaveGrace { get; init; }

    /// <summary>Changes to the configured retry schedules for this session only.</summary>
    public SessionRetryOverrides? Retry { get; init; }
}

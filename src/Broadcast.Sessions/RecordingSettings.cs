namespace Broadcast.Sessions;

/// <summary>The session's recording.</summary>
public sealed record RecordingSettings
{
    /// <summary>None, tape (with the push) or separate (0x5).</summary>
    public RecordingMode Mode { get; init; }

    /// <summary><c>string_file_name</c>: 1–200 characters; required unless the mode is none.</summary>
    public string? FileName { get; init; }

    /// <summary><c>string_tags</c> (separate mode only): at most 20, each 1–64 characters.</summary>
    public IReadOnlyList<string>? Tags { get; init; }

    /// <summary><c>uint32_classid</c> (separate mode only).</summary>
    public uint? ClassId { get; init; }

    /// <summary><c>uint32_IsTransCode</c> (separate mode only).</summary>
    public bool? Transcode { get; init; }

    /// <summary><c>uint32_IsScreenShot</c> (separate mode only).</summary>
    public bool? Screenshot { get; init; }

    /// <summary><c>uint32_IsWaterMark</c> (separate mode only).</summary>
    public bool? Watermark { get; init; }

    /// <summary>
    /// True (the default): a recording that cannot start fails the session (the push is stopped).
    /// False: the session keeps broadcasting without it and shows itself degraded.
    /// </summary>
    public bool Required { get; init; } = true;
}

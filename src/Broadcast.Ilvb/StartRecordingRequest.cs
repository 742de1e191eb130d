namespace Broadcast.Ilvb;

/// <summary>A 0x5 start-recording request.</summary>
public sealed record StartRecordingRequest
{
    /// <summary>Room and anchor.</summary>
    public required StreamTarget Target { get; init; }

    /// <summary><c>string_file_name</c> (required by the vendor).</summary>
    public required string FileName { get; init; }

    /// <summary><c>string_tags</c>; empty leaves the field out.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary><c>uint32_classid</c>; null leaves the field out.</summary>
    public uint? ClassId { get; init; }

    /// <summary><c>uint32_IsTransCode</c>; null leaves the field out.</summary>
    public bool? Transcode { get; init; }

    /// <summary><c>uint32_IsScreenShot</c>; null leaves the field out.</summary>
    public bool? Screenshot { get; init; }

    /// <summary><c>uint32_IsWaterMark</c>; null leaves the field out.</summary>
    public bool? Watermark { get; init; }

    /// <summary><c>uint32_sdk_type</c>.</summary>
    public SdkType SdkType { get; init; } = SdkType.Normal;

    /// <summary><c>uint32_record_data_type</c>.</summary>
    public DataSource Source { get; init; } = DataSource.Camera;
}

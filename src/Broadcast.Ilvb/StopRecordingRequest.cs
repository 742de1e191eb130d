namespace Broadcast.Ilvb;

/// <summary>A 0x5 stop-recording request.</summary>
public sealed record StopRecordingRequest
{
    /// <summary>Room and anchor.</summary>
    public required StreamTarget Target { get; init; }

    /// <summary><c>uint32_sdk_type</c>.</summary>
    public SdkType SdkType { get; init; } = SdkType.Normal;

    /// <summary><c>uint32_record_data_type</c>.</summary>
    public DataSource Source { get; init; } = DataSource.Camera;
}

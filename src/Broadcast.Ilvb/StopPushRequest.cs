namespace Broadcast.Ilvb;

/// <summary>A 0x6 stop-push request.</summary>
public sealed record StopPushRequest
{
    /// <summary>Room and anchor.</summary>
    public required StreamTarget Target { get; init; }

    /// <summary><c>uint32_sdk_type</c>.</summary>
    public SdkType SdkType { get; init; } = SdkType.Normal;

    /// <summary><c>uint32_push_data_type</c>.</summary>
    public DataSource Source { get; init; } = DataSource.Camera;
}

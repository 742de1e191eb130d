namespace Broadcast.Ilvb;

/// <summary>The SDK type (<c>uint32_sdk_type</c>).</summary>
public enum SdkType
{
    /// <summary>Normal SDK.</summary>
    Normal = 1,

    /// <summary>IoT camera.</summary>
    IotCamera = 2,
}

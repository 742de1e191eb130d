namespace Broadcast.Sessions;

/// <summary>The payload of a call whose success carries nothing (stop push, start recording).</summary>
public sealed record NoPayload
{
    /// <summary>The one value.</summary>
    public static NoPayload Value { get; } = new();
}

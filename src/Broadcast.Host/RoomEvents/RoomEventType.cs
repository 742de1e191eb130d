using System.Text.Json.Serialization;

namespace Broadcast.Host;

/// <summary>What a room event says about the user: <c>enter</c> or <c>exit</c>.</summary>
public enum RoomEventType
{
    /// <summary>The user entered the room: sessions get <c>UserJoined</c>.</summary>
    [JsonStringEnumMemberName("enter")]
    Enter,

    /// <summary>The user left the room: sessions get <c>UserLeft</c>.</summary>
    [JsonStringEnumMemberName("exit")]
    Exit,
}

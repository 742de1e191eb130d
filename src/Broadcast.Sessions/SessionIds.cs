using System.Globalization;

namespace Broadcast.Sessions;

/// <summary>
/// Instance ids. A session is <c>r{roomId}:u{userId}:{key}</c> (user ids cannot contain ':'), so
/// "the sessions of room R and user U" is the prefix <c>r{R}:u{U}:</c>. A schedule is <c>schedule:{id}</c>.
/// </summary>
public static class SessionIds
{
    /// <summary>Every session id starts with this; no schedule id does.</summary>
    public const string SessionPrefix = "r";

    /// <summary>Every schedule's instance id starts with this.</summary>
    public const string SchedulePrefix = "schedule:";

    /// <summary>The session id for a room, anchor and key.</summary>
    public static string ForSession(uint roomId, string userId, string key) =>
        string.Create(CultureInfo.InvariantCulture, $"r{roomId}:u{userId}:{key}");

    /// <summary>The prefix of every session of a room and anchor.</summary>
    public static string ForRoomAndUser(uint roomId, string userId) =>
        string.Create(CultureInfo.InvariantCulture, $"r{roomId}:u{userId}:");

    /// <summary>The prefix of every session of a room.</summary>
    public static string ForRoom(uint roomId) => string.Create(CultureInfo.InvariantCulture, $"r{roomId}:");

    /// <summary>The instance id of a schedule.</summary>
    public static string ForSchedule(string scheduleId) => SchedulePrefix + scheduleId;

    /// <summary>
    /// The key of a keyless session request read from a queue: the same for every delivery of the one message, so
    /// a redelivery is a repeat. Null when the id cannot be part of a key (a queue's ids are GUIDs, so never in practice).
    /// </summary>
    public static string? ForQueueMessage(string? messageId)
    {
        const string prefix = "q-";
        if (string.IsNullOrEmpty(messageId) || prefix.Length + messageId.Length > SessionRequestValidator.MaxKeyLength
            || !messageId.All(c => char.IsAsciiLetterOrDigit(c) || SessionRequestValidator.KeyExtraCharacters.Contains(c, StringComparison.Ordinal)))
        {
            return null;
        }

        return prefix + messageId;
    }

    /// <summary>The key of a session created by a schedule for one occurrence: the same for the same occurrence.</summary>
    public static string ForOccurrence(string scheduleId, DateTimeOffset occurrence) =>
        string.Create(CultureInfo.InvariantCulture, $"s-{scheduleId}-{occurrence.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}");
}

using System.Text.Json.Nodes;

namespace Broadcast.BadInput.Tests;

/// <summary>Builds request bodies from a valid one with one thing broken, so each case breaks exactly one rule.</summary>
public static class Json
{
    /// <summary>A valid session request for room <paramref name="roomId"/> (rooms of bad-input cases are never joined).</summary>
    public static JsonObject ValidSession(string key, uint roomId = 7001) => new()
    {
        ["roomId"] = roomId,
        ["userId"] = "anchor-bad",
        ["key"] = key,
        ["channelName"] = "Bad input " + key,
    };

    /// <summary>The valid request with <paramref name="change"/> applied, as text.</summary>
    public static string Session(string key, Action<JsonObject> change)
    {
        var body = ValidSession(key);
        change(body);
        return body.ToJsonString();
    }

    /// <summary>The valid request with one member's raw JSON replaced (for values no <see cref="JsonNode"/> would write, like 4294967296 as a uint).</summary>
    public static string SessionWithRaw(string key, string member, string rawValue)
    {
        var body = ValidSession(key);
        body.Remove(member);
        var text = body.ToJsonString();
        return text[..^1] + $",\"{member}\":{rawValue}}}";
    }

    public static string Repeat(char c, int count) => new(c, count);
}

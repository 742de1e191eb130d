using System.Text.Json.Nodes;

namespace Broadcast.BadInput.Tests;

/// <summary>Bad messages for every queue: encoding, syntax, types, ranges, missing and extra fields, hostile strings, dead targets.</summary>
public static class QueueCases
{
    public const string SessionRequests = "session-requests";
    public const string UserJoined = "user-joined";
    public const string UserLeft = "user-left";

    public static IReadOnlyDictionary<string, QueueCase> ByName { get; } = All().ToDictionary(c => c.Name, StringComparer.Ordinal);

    public static TheoryData<string> Names() => [.. ByName.Keys];

    private static IEnumerable<QueueCase> All()
    {
        yield return new QueueCase("requests: not Base64", SessionRequests, "{not base64 at all!}", "Base64") { Base64 = false };
        yield return new QueueCase("requests: not JSON", SessionRequests, "start a session please", "JSON");
        yield return new QueueCase("requests: empty", SessionRequests, "", "JSON|empty");
        yield return new QueueCase("requests: JSON null", SessionRequests, "null", "null");
        yield return new QueueCase("requests: JSON array", SessionRequests, "[1, 2]", "JSON");
        yield return new QueueCase("requests: truncated JSON", SessionRequests, """{"roomId": 7201, "userId": "anc""", "JSON");
        yield return new QueueCase("requests: roomId as text", SessionRequests, Json.Session("q-room-text", b => b["roomId"] = "x"), "roomId");
        yield return new QueueCase("requests: roomId 2^32", SessionRequests, Json.SessionWithRaw("q-room-big", "roomId", "4294967296"), "roomId");
        yield return new QueueCase("requests: roomId negative", SessionRequests, Json.SessionWithRaw("q-room-neg", "roomId", "-5"), "roomId");
        yield return new QueueCase("requests: roomId 0", SessionRequests, Json.Session("q-room-zero", b => b["roomId"] = 0), "roomId");
        yield return new QueueCase("requests: userId missing", SessionRequests, Json.Session("q-no-user", b => b.Remove("userId")), "userId");
        yield return new QueueCase("requests: channelName missing", SessionRequests, Json.Session("q-no-name", b => b.Remove("channelName")), "channelName");
        yield return new QueueCase("requests: extra field", SessionRequests, Json.Session("q-extra", b => b["colour"] = "red"), "colour");
        yield return new QueueCase("requests: liveCode unknown", SessionRequests, Json.Session("q-live", b => b["liveCode"] = "Dash"), "liveCode");
        yield return new QueueCase("requests: joinTimeout not a time", SessionRequests, Json.Session("q-join", b => b["joinTimeout"] = "soon"), "joinTimeout");
        yield return new QueueCase("requests: userId with control characters", SessionRequests, Json.Session("q-user-ctl", b => b["userId"] = "a\u0007b"), "userId");
        yield return new QueueCase("requests: userId 500 chars", SessionRequests, Json.Session("q-user-long", b => b["userId"] = Json.Repeat('u', 500)), "userId");
        yield return new QueueCase("requests: userId in Hangul", SessionRequests, Json.Session("q-user-hangul", b => b["userId"] = "진행자"), "userId");
        yield return new QueueCase("requests: key with spaces", SessionRequests, Json.Session("q-key", b => b["key"] = "my key"), "key");
        yield return new QueueCase("requests: channelName with NUL", SessionRequests, Json.Session("q-name-nul", b => b["channelName"] = "x\u0000y"), "channelName");
        yield return new QueueCase("requests: 40 KB description", SessionRequests, Json.Session("q-desc-huge", b => b["channelDescription"] = Json.Repeat('d', 40_000)), "channelDescription");
        yield return new QueueCase("requests: same key, other request", SessionRequests, new JsonObject
        {
            ["roomId"] = BadInputFixture.FinishedRoom,
            ["userId"] = BadInputFixture.FinishedUser,
            ["key"] = BadInputFixture.FinishedKey,
            ["channelName"] = "a different channel",
        }.ToJsonString(), BadInputFixture.FinishedSessionId);

        yield return new QueueCase("joined: not Base64", UserJoined, "<<<>>>", "Base64") { Base64 = false };
        yield return new QueueCase("joined: not JSON", UserJoined, "anchor-1 joined room 5", "JSON");
        yield return new QueueCase("joined: JSON null", UserJoined, "null", "null");
        yield return new QueueCase("joined: empty object", UserJoined, "{}", "sessionId");
        yield return new QueueCase("joined: session and room both", UserJoined, """{"sessionId": "r1:ua:k", "roomId": 1, "userId": "a"}""", "sessionId");
        yield return new QueueCase("joined: roomId without userId", UserJoined, """{"roomId": 7201}""", "userId");
        yield return new QueueCase("joined: userId without roomId", UserJoined, """{"userId": "anchor-1"}""", "roomId");
        yield return new QueueCase("joined: roomId as text", UserJoined, """{"roomId": "seven", "userId": "a"}""", "roomId");
        yield return new QueueCase("joined: roomId 2^32", UserJoined, """{"roomId": 4294967296, "userId": "a"}""", "roomId");
        yield return new QueueCase("joined: roomId negative", UserJoined, """{"roomId": -1, "userId": "a"}""", "roomId");
        yield return new QueueCase("joined: userId with colon", UserJoined, """{"roomId": 7201, "userId": "a:b"}""", "userId");
        yield return new QueueCase("joined: userId 1,000 chars", UserJoined, new JsonObject { ["roomId"] = 7201, ["userId"] = Json.Repeat('u', 1000) }.ToJsonString(), "userId");
        yield return new QueueCase("joined: extra field", UserJoined, """{"sessionId": "r1:ua:k", "when": "now"}""", "when");
        yield return new QueueCase("joined: sessionId as number", UserJoined, """{"sessionId": 12}""", "sessionId");
        yield return new QueueCase("joined: unknown session", UserJoined, """{"sessionId": "r1:unobody:nothing"}""", "r1:unobody:nothing");
        yield return new QueueCase("joined: session id with control characters", UserJoined, """{"sessionId": "r1\u0001:ux:k"}""", "r1");
        yield return new QueueCase("joined: nobody waits in the room", UserJoined, """{"roomId": 7299, "userId": "anchor-none"}""", "anchor-none");
        yield return new QueueCase("joined: finished session", UserJoined, new JsonObject { ["sessionId"] = BadInputFixture.FinishedSessionId }.ToJsonString(), "finished");

        // The user-left queue carries the same messages as user-joined.
        yield return new QueueCase("left: not Base64", UserLeft, "<<<>>>", "Base64") { Base64 = false };
        yield return new QueueCase("left: not JSON", UserLeft, "anchor-1 left room 5", "JSON");
        yield return new QueueCase("left: truncated JSON", UserLeft, """{"roomId": 7201, "us""", "JSON");
        yield return new QueueCase("left: empty object", UserLeft, "{}", "sessionId");
        yield return new QueueCase("left: roomId 2^32", UserLeft, """{"roomId": 4294967296, "userId": "a"}""", "roomId");
        yield return new QueueCase("left: roomId as text", UserLeft, """{"roomId": "seven", "userId": "a"}""", "roomId");
        yield return new QueueCase("left: userId with colon", UserLeft, """{"roomId": 7201, "userId": "a:b"}""", "userId");
        yield return new QueueCase("left: userId with control characters", UserLeft, """{"roomId": 7201, "userId": "a\u0007\u001b[2J"}""", "userId");
        yield return new QueueCase("left: roomId negative", UserLeft, """{"roomId": -7201, "userId": "a"}""", "roomId");
        yield return new QueueCase("left: extra field", UserLeft, """{"sessionId": "r1:ua:k", "when": "now"}""", "when");
        yield return new QueueCase("left: unknown session", UserLeft, """{"sessionId": "r1:unobody:nothing"}""", "r1:unobody:nothing");
        yield return new QueueCase("left: finished session", UserLeft, new JsonObject { ["sessionId"] = BadInputFixture.FinishedSessionId }.ToJsonString(), "finished");
    }
}

using System.Net;
using System.Text.Json.Nodes;

namespace Broadcast.BadInput.Tests;

/// <summary>Bad bodies for <c>POST /api/sessions</c>: syntax, types, ranges, missing and extra fields, hostile strings, size.</summary>
public static class CreateSessionCases
{
    private const string Path = "/api/sessions";

    public static IEnumerable<HttpCase> All()
    {
        // Not JSON, or not the right JSON value.
        yield return Bad("create: truncated JSON", """{"roomId": 7001, "userId": "anchor-bad",""", HttpStatusCode.BadRequest, "JSON");
        yield return Bad("create: not JSON", "hello, host", HttpStatusCode.BadRequest, "JSON");
        yield return Bad("create: JSON array", "[]", HttpStatusCode.BadRequest, "JSON");
        yield return Bad("create: JSON string", "\"session\"", HttpStatusCode.BadRequest, "JSON");
        yield return Bad("create: JSON null", "null", HttpStatusCode.BadRequest, "body");
        yield return Bad("create: empty body", "", HttpStatusCode.BadRequest, "body");
        yield return Bad("create: trailing garbage", Json.Session("c-trailing", _ => { }) + "}}", HttpStatusCode.BadRequest, "JSON");
        yield return Bad("create: comments", "/* hi */" + Json.Session("c-comment", _ => { }), HttpStatusCode.BadRequest, "JSON");

        // Wrong types.
        yield return Bad("create: roomId as text", Json.Session("c-room-text", b => b["roomId"] = "seven"), HttpStatusCode.BadRequest, "roomId");
        yield return Bad("create: roomId as object", Json.Session("c-room-object", b => b["roomId"] = new JsonObject()), HttpStatusCode.BadRequest, "roomId");
        yield return Bad("create: roomId fractional", Json.SessionWithRaw("c-room-fraction", "roomId", "1.5"), HttpStatusCode.BadRequest, "roomId");
        yield return Bad("create: userId as number", Json.Session("c-user-number", b => b["userId"] = 42), HttpStatusCode.BadRequest, "userId");
        yield return Bad("create: channelName as array", Json.Session("c-name-array", b => b["channelName"] = new JsonArray("a")), HttpStatusCode.BadRequest, "channelName");
        yield return Bad("create: bitrates as text", Json.Session("c-bitrates-text", b => b["bitrates"] = "Hd"), HttpStatusCode.BadRequest, "bitrates");
        yield return Bad("create: recording as text", Json.Session("c-recording-text", b => b["recording"] = "yes"), HttpStatusCode.BadRequest, "recording");
        yield return Bad("create: watermark.enabled as text", Json.Session("c-wm-text", b => b["watermark"] = new JsonObject { ["enabled"] = "yes" }), HttpStatusCode.BadRequest, "watermark");

        // Out of the uint32 range, and other ranges.
        yield return Bad("create: roomId 2^32", Json.SessionWithRaw("c-room-2-32", "roomId", "4294967296"), HttpStatusCode.BadRequest, "roomId");
        yield return Bad("create: roomId negative", Json.SessionWithRaw("c-room-negative", "roomId", "-1"), HttpStatusCode.BadRequest, "roomId");
        yield return Bad("create: roomId 1e30", Json.SessionWithRaw("c-room-huge", "roomId", "1e30"), HttpStatusCode.BadRequest, "roomId");
        yield return Bad("create: roomId 0", Json.Session("c-room-zero", b => b["roomId"] = 0), HttpStatusCode.BadRequest, "roomId");
        yield return Bad("create: watermark.id 2^32", Json.Session("c-wm-id", b => b["watermark"] = JsonNode.Parse("""{"enabled": true, "id": 4294967296}""")), HttpStatusCode.BadRequest, "watermark");
        yield return Bad("create: recording.classId negative", Json.Session("c-classid", b => b["recording"] = JsonNode.Parse("""{"mode": "Separate", "fileName": "f", "classId": -1}""")), HttpStatusCode.BadRequest, "classId");
        yield return Bad("create: joinTimeout zero", Json.Session("c-join-zero", b => b["joinTimeout"] = "00:00:00"), HttpStatusCode.BadRequest, "joinTimeout");
        yield return Bad("create: joinTimeout negative", Json.Session("c-join-negative", b => b["joinTimeout"] = "-00:00:05"), HttpStatusCode.BadRequest, "joinTimeout");
        yield return Bad("create: joinTimeout 30 days", Json.Session("c-join-long", b => b["joinTimeout"] = "30.00:00:00"), HttpStatusCode.BadRequest, "joinTimeout");
        yield return Bad("create: joinTimeout not a time", Json.Session("c-join-text", b => b["joinTimeout"] = "forever"), HttpStatusCode.BadRequest, "joinTimeout");
        yield return Bad("create: maxDuration 8 days", Json.Session("c-max-long", b => b["maxDuration"] = "8.00:00:00"), HttpStatusCode.BadRequest, "maxDuration");
        yield return Bad("create: startAt not a date", Json.Session("c-start-text", b => b["startAt"] = "next tuesday"), HttpStatusCode.BadRequest, "startAt");
        yield return Bad("create: startAt two years ahead", Json.Session("c-start-far", b => b["startAt"] = DateTimeOffset.UtcNow.AddYears(2).ToString("O")), HttpStatusCode.BadRequest, "startAt");
        yield return Bad("create: retry.start.maxAttempts 0", Json.Session("c-retry-zero", b => b["retry"] = JsonNode.Parse("""{"start": {"maxAttempts": 0}}""")), HttpStatusCode.BadRequest, "retry.start");
        yield return Bad("create: retry.stop.backoff 1000", Json.Session("c-retry-backoff", b => b["retry"] = JsonNode.Parse("""{"stop": {"backoff": 1000}}""")), HttpStatusCode.BadRequest, "retry.stop");

        // Unknown enum names.
        yield return Bad("create: liveCode unknown", Json.Session("c-livecode", b => b["liveCode"] = "Dash"), HttpStatusCode.BadRequest, "liveCode");
        yield return Bad("create: liveCode number out of the enum", Json.Session("c-livecode-99", b => b["liveCode"] = 99), HttpStatusCode.BadRequest, "liveCode");
        yield return Bad("create: recording.mode unknown", Json.Session("c-mode", b => b["recording"] = JsonNode.Parse("""{"mode": "Cloud", "fileName": "f"}""")), HttpStatusCode.BadRequest, "recording");
        yield return Bad("create: bitrate repeated", Json.Session("c-bitrate-repeat", b => b["bitrates"] = new JsonArray("Hd", "Hd")), HttpStatusCode.BadRequest, "bitrates");

        // Missing and extra fields.
        yield return Bad("create: roomId missing", Json.Session("c-no-room", b => b.Remove("roomId")), HttpStatusCode.BadRequest, "roomId");
        yield return Bad("create: userId missing", Json.Session("c-no-user", b => b.Remove("userId")), HttpStatusCode.BadRequest, "userId");
        yield return Bad("create: channelName missing", Json.Session("c-no-name", b => b.Remove("channelName")), HttpStatusCode.BadRequest, "channelName");
        yield return Bad("create: recording.fileName missing", Json.Session("c-no-file", b => b["recording"] = JsonNode.Parse("""{"mode": "Separate"}""")), HttpStatusCode.BadRequest, "recording.fileName");
        yield return Bad("create: extra field", Json.Session("c-extra", b => b["priority"] = "high"), HttpStatusCode.BadRequest, "priority");
        yield return Bad("create: extra nested field", Json.Session("c-extra-nested", b => b["recording"] = JsonNode.Parse("""{"mode": "Tape", "fileName": "f", "quality": 9}""")), HttpStatusCode.BadRequest, "quality");
        yield return Bad("create: tape with separate-only tags", Json.Session("c-tape-tags", b => b["recording"] = JsonNode.Parse("""{"mode": "Tape", "fileName": "f", "tags": ["a"]}""")), HttpStatusCode.BadRequest, "recording.tags");

        // Hostile strings.
        yield return Bad("create: userId with NUL", Json.Session("c-user-nul", b => b["userId"] = "anchor\u0000x"), HttpStatusCode.BadRequest, "userId");
        yield return Bad("create: userId with colon", Json.Session("c-user-colon", b => b["userId"] = "r1:u2"), HttpStatusCode.BadRequest, "userId");
        yield return Bad("create: userId 10,000 chars", Json.Session("c-user-long", b => b["userId"] = Json.Repeat('u', 10_000)), HttpStatusCode.BadRequest, "userId");
        yield return Bad("create: userId in Chinese", Json.Session("c-user-cjk", b => b["userId"] = "主播"), HttpStatusCode.BadRequest, "userId");
        yield return Bad("create: userId with emoji", Json.Session("c-user-emoji", b => b["userId"] = "anchor-🎥"), HttpStatusCode.BadRequest, "userId");
        yield return Bad("create: userId with right-to-left override", Json.Session("c-user-rlo", b => b["userId"] = "anchor\u202Egnp"), HttpStatusCode.BadRequest, "userId");
        yield return Bad("create: userId blank", Json.Session("c-user-blank", b => b["userId"] = "   "), HttpStatusCode.BadRequest, "userId");
        yield return Bad("create: key with slash", Json.Session("c-key-slash", b => b["key"] = "../../etc/passwd"), HttpStatusCode.BadRequest, "key");
        yield return Bad("create: key with SQL", Json.Session("c-key-sql", b => b["key"] = "x'; DROP TABLE instances;--"), HttpStatusCode.BadRequest, "key");
        yield return Bad("create: key 65 chars", Json.Session("c-key-long", b => b["key"] = Json.Repeat('k', 65)), HttpStatusCode.BadRequest, "key");
        yield return Bad("create: channelName with bell and escape", Json.Session("c-name-control", b => b["channelName"] = "Live\u0007\u001b[31m"), HttpStatusCode.BadRequest, "channelName");
        yield return Bad("create: channelName 201 chars", Json.Session("c-name-long", b => b["channelName"] = Json.Repeat('n', 201)), HttpStatusCode.BadRequest, "channelName");
        yield return Bad("create: channelName blank", Json.Session("c-name-blank", b => b["channelName"] = " \t "), HttpStatusCode.BadRequest, "channelName");
        yield return Bad("create: channelDescription 1001 chars", Json.Session("c-desc-long", b => b["channelDescription"] = Json.Repeat('d', 1001)), HttpStatusCode.BadRequest, "channelDescription");
        yield return Bad("create: playerPassword with newline", Json.Session("c-pwd-newline", b => b["playerPassword"] = "pass\nword"), HttpStatusCode.BadRequest, "playerPassword");
        yield return Bad("create: recording.fileName with NUL", Json.Session("c-file-nul", b => b["recording"] = JsonNode.Parse("""{"mode": "Separate", "fileName": "a\u0000b"}""")), HttpStatusCode.BadRequest, "recording.fileName");
        yield return Bad("create: 21 recording tags", Json.Session("c-tags", b => b["recording"] = new JsonObject
        {
            ["mode"] = "Separate",
            ["fileName"] = "f",
            ["tags"] = new JsonArray([.. Enumerable.Range(0, 21).Select(i => (JsonNode)JsonValue.Create("t" + i))]),
        }), HttpStatusCode.BadRequest, "recording.tags");
        yield return Bad("create: invalid UTF-8", "", HttpStatusCode.BadRequest, "userId|JSON") with
        {
            Body = null,
            RawBody = [.. "{\"roomId\": 7001, \"userId\": \"anchor"u8, 0xFF, 0xFE, .. "\", \"channelName\": \"x\"}"u8],
        };

        // Size and media type.
        yield return Bad("create: body over 64 KB", Json.Session("c-huge", b => b["channelDescription"] = Json.Repeat('x', 70_000)), HttpStatusCode.RequestEntityTooLarge, "bytes");
        yield return Bad("create: chunked body over 64 KB", Json.Session("c-huge-chunked", b => b["channelDescription"] = Json.Repeat('x', 70_000)), HttpStatusCode.RequestEntityTooLarge, "bytes") with { Chunked = true };
        yield return Bad("create: 1 MB of whitespace", new string(' ', 1_000_000) + "{}", HttpStatusCode.RequestEntityTooLarge, "bytes");
        yield return Bad("create: deeply nested JSON", new string('[', 5000) + new string(']', 5000), HttpStatusCode.BadRequest, "JSON");
        yield return Bad("create: text/plain", Json.Session("c-text-plain", _ => { }), HttpStatusCode.UnsupportedMediaType, "Content-Type") with { ContentType = "text/plain" };

        // The API key.
        yield return Bad("create: no API key", Json.Session("c-no-key", _ => { }), HttpStatusCode.Unauthorized, "X-Api-Key") with { ApiKey = null };
        yield return Bad("create: wrong API key", Json.Session("c-wrong-key", _ => { }), HttpStatusCode.Unauthorized, "X-Api-Key") with { ApiKey = "guess" };
        yield return Bad("create: API key with another case", Json.Session("c-case-key", _ => { }), HttpStatusCode.Unauthorized, "X-Api-Key") with { ApiKey = BadInputFixture.ApiKey.ToUpperInvariant() };
    }

    private static HttpCase Bad(string name, string body, HttpStatusCode status, string mentions) =>
        new(name, HttpMethod.Post, Path, status, mentions) { Body = body };
}

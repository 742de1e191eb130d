using System.Net;
using System.Text.Json.Nodes;

namespace Broadcast.BadInput.Tests;

/// <summary>Bad calls to every other endpoint: unknown and hostile ids, bad route and query values, bad bodies, finished sessions.</summary>
public static class EndpointCases
{
    private static readonly string Finished = BadInputFixture.FinishedSessionId;
    private static readonly string LongId = "r1:u" + Json.Repeat('x', 2000) + ":k";

    public static IEnumerable<HttpCase> All()
    {
        // A create that reuses a key with a different request.
        yield return Post("create: same key, other request", "/api/sessions", HttpStatusCode.Conflict, Finished,
            new JsonObject
            {
                ["roomId"] = BadInputFixture.FinishedRoom,
                ["userId"] = BadInputFixture.FinishedUser,
                ["key"] = BadInputFixture.FinishedKey,
                ["channelName"] = "another channel",
            }.ToJsonString());

        // GET /api/sessions/{id}
        yield return Get("get: unknown id", "/api/sessions/r1:unobody:nothing", HttpStatusCode.NotFound, "r1:unobody:nothing");
        yield return Get("get: id with NUL", "/api/sessions/r1%00:ux:k", HttpStatusCode.BadRequest, "") with { RejectedByServer = true };
        yield return Get("get: id with escape sequence", "/api/sessions/%1B%5B31mred", HttpStatusCode.NotFound, @"'\u001b[31mred'");
        yield return Get("get: id of 2,000 chars", "/api/sessions/" + LongId, HttpStatusCode.NotFound, "'r1:uxxxxxxxx");
        yield return Get("get: id in Chinese", "/api/sessions/" + Uri.EscapeDataString("会话"), HttpStatusCode.NotFound, "会话");
        yield return Get("get: id with SQL", "/api/sessions/" + Uri.EscapeDataString("x' OR '1'='1"), HttpStatusCode.NotFound, "OR");
        yield return Get("get: id with percent wildcard", "/api/sessions/" + Uri.EscapeDataString("r%"), HttpStatusCode.NotFound, "r%");

        // GET /api/sessions?...
        yield return Get("list: unknown status", "/api/sessions?status=Exploded", HttpStatusCode.BadRequest, "status");
        yield return Get("list: status as number", "/api/sessions?status=3", HttpStatusCode.BadRequest, "status");
        yield return Get("list: pageSize 0", "/api/sessions?pageSize=0", HttpStatusCode.BadRequest, "pageSize");
        yield return Get("list: pageSize 501", "/api/sessions?pageSize=501", HttpStatusCode.BadRequest, "pageSize");
        yield return Get("list: pageSize text", "/api/sessions?pageSize=many", HttpStatusCode.BadRequest, "pageSize");
        yield return Get("list: pageSize beyond int", "/api/sessions?pageSize=99999999999", HttpStatusCode.BadRequest, "pageSize");
        yield return Get("list: roomId negative", "/api/sessions?roomId=-1", HttpStatusCode.BadRequest, "roomId");
        yield return Get("list: roomId 2^32", "/api/sessions?roomId=4294967296", HttpStatusCode.BadRequest, "roomId");
        yield return Get("list: userId without roomId", "/api/sessions?userId=anchor-1", HttpStatusCode.BadRequest, "userId");
        yield return Get("list: userId with colon", "/api/sessions?roomId=1&userId=a:b", HttpStatusCode.BadRequest, "userId");
        yield return Get("list: continuationToken not a session id", "/api/sessions?continuationToken=zzz", HttpStatusCode.BadRequest, "continuationToken");
        yield return Get("list: continuationToken of another room", "/api/sessions?roomId=1&continuationToken=r2:ua:k", HttpStatusCode.BadRequest, "continuationToken");
        yield return Get("list: continuationToken with control characters", "/api/sessions?continuationToken=r1:u%07:k", HttpStatusCode.BadRequest, "continuationToken");

        // POST /api/sessions/{id}/user-joined
        yield return Post("join: unknown id", "/api/sessions/r1:unobody:nothing/user-joined", HttpStatusCode.NotFound, "r1:unobody:nothing");
        yield return Post("join: id with control characters", "/api/sessions/r1%07:u%08:k/user-joined", HttpStatusCode.NotFound, "r1");
        yield return Post("join: id of 2,000 chars", $"/api/sessions/{LongId}/user-joined", HttpStatusCode.NotFound, "'r1:uxxxxxxxx");
        yield return Post("join: finished session", $"/api/sessions/{Finished}/user-joined", HttpStatusCode.Conflict, Finished);

        // POST /api/sessions/{id}/user-left
        yield return Post("leave: unknown id", "/api/sessions/r1:unobody:nothing/user-left", HttpStatusCode.NotFound, "r1:unobody:nothing");
        yield return Post("leave: id with control characters", "/api/sessions/r1%07:u%08:k/user-left", HttpStatusCode.NotFound, "r1");
        yield return Post("leave: id of 2,000 chars", $"/api/sessions/{LongId}/user-left", HttpStatusCode.NotFound, "'r1:uxxxxxxxx");
        yield return Post("leave: finished session", $"/api/sessions/{Finished}/user-left", HttpStatusCode.Conflict, Finished);

        // POST /api/sessions/{id}/cancel
        yield return Post("cancel: unknown id", "/api/sessions/r1:unobody:nothing/cancel", HttpStatusCode.NotFound, "r1:unobody:nothing");
        yield return Post("cancel: finished session", $"/api/sessions/{Finished}/cancel", HttpStatusCode.Conflict, Finished);
        yield return Post("cancel: malformed body", $"/api/sessions/{Finished}/cancel", HttpStatusCode.BadRequest, "JSON", """{"reason": """);
        yield return Post("cancel: reason as number", $"/api/sessions/{Finished}/cancel", HttpStatusCode.BadRequest, "reason", """{"reason": 5}""");
        yield return Post("cancel: extra field", $"/api/sessions/{Finished}/cancel", HttpStatusCode.BadRequest, "force", """{"reason": "x", "force": true}""");
        yield return Post("cancel: reason with control characters", $"/api/sessions/{Finished}/cancel", HttpStatusCode.BadRequest, "reason",
            """{"reason": "x\u001b[31m\u0000"}""");
        yield return Post("cancel: reason of 501 chars", $"/api/sessions/{Finished}/cancel", HttpStatusCode.BadRequest, "reason",
            new JsonObject { ["reason"] = Json.Repeat('r', 501) }.ToJsonString());
        yield return Post("cancel: body over 64 KB", $"/api/sessions/{Finished}/cancel", HttpStatusCode.RequestEntityTooLarge, "bytes",
            new JsonObject { ["reason"] = Json.Repeat('r', 70_000) }.ToJsonString());

        // POST /api/rooms/{roomId}/users/{userId}/joined
        yield return Post("room join: roomId text", "/api/rooms/lobby/users/anchor-1/joined", HttpStatusCode.BadRequest, "roomId");
        yield return Post("room join: roomId 2^32", "/api/rooms/4294967296/users/anchor-1/joined", HttpStatusCode.BadRequest, "roomId");
        yield return Post("room join: roomId negative", "/api/rooms/-7/users/anchor-1/joined", HttpStatusCode.BadRequest, "roomId");
        yield return Post("room join: roomId 0", "/api/rooms/0/users/anchor-1/joined", HttpStatusCode.BadRequest, "roomId");
        yield return Post("room join: userId with colon", "/api/rooms/1/users/a:b/joined", HttpStatusCode.BadRequest, "userId");
        yield return Post("room join: userId with NUL", "/api/rooms/1/users/a%00b/joined", HttpStatusCode.BadRequest, "") with { RejectedByServer = true };
        yield return Post("room join: userId of 2,000 chars", $"/api/rooms/1/users/{Json.Repeat('u', 2000)}/joined", HttpStatusCode.BadRequest, "userId");
        yield return Post("room join: userId in Cyrillic", "/api/rooms/1/users/" + Uri.EscapeDataString("ведущий") + "/joined", HttpStatusCode.BadRequest, "userId");

        // POST /api/rooms/{roomId}/users/{userId}/left
        yield return Post("room leave: roomId text", "/api/rooms/lobby/users/anchor-1/left", HttpStatusCode.BadRequest, "roomId");
        yield return Post("room leave: roomId 2^32", "/api/rooms/4294967296/users/anchor-1/left", HttpStatusCode.BadRequest, "roomId");
        yield return Post("room leave: userId with colon", "/api/rooms/1/users/a:b/left", HttpStatusCode.BadRequest, "userId");
        yield return Post("room leave: userId of 2,000 chars", $"/api/rooms/1/users/{Json.Repeat('u', 2000)}/left", HttpStatusCode.BadRequest, "userId");

        // POST /api/room-events (the webhook: signed with its own key)
        const string Event = """{"eventId": "e-1", "eventType": "enter", "roomId": 1, "userId": "anchor-1", "eventTime": "2026-03-02T07:00:00Z"}""";
        yield return Post("room event: unsigned", "/api/room-events", HttpStatusCode.Unauthorized, "X-Broadcast-Signature", Event);
        yield return Signed("room event: signature of another body", HttpStatusCode.Unauthorized, "X-Broadcast-Signature", Event) with { SignedBody = Event + " " };
        yield return Signed("room event: malformed JSON", HttpStatusCode.BadRequest, "JSON|body", """{"eventId": """);
        yield return Signed("room event: roomId 2^32", HttpStatusCode.BadRequest, "roomId",
            """{"eventId": "e-2", "eventType": "enter", "roomId": 4294967296, "userId": "anchor-1", "eventTime": "2026-03-02T07:00:00Z"}""");
        yield return Signed("room event: unknown eventType", HttpStatusCode.BadRequest, "eventType",
            """{"eventId": "e-3", "eventType": "dance", "roomId": 1, "userId": "anchor-1", "eventTime": "2026-03-02T07:00:00Z"}""");
        yield return Signed("room event: userId with control characters", HttpStatusCode.BadRequest, "userId",
            """{"eventId": "e-4", "eventType": "enter", "roomId": 1, "userId": "a\u0007b", "eventTime": "2026-03-02T07:00:00Z"}""");
        yield return Signed("room event: eventTime missing", HttpStatusCode.BadRequest, "eventTime",
            """{"eventId": "e-5", "eventType": "enter", "roomId": 1, "userId": "anchor-1"}""");
        yield return Signed("room event: eventId of 2,000 chars", HttpStatusCode.BadRequest, "eventId",
            new JsonObject { ["eventId"] = Json.Repeat('e', 2000), ["eventType"] = "enter", ["roomId"] = 1, ["userId"] = "anchor-1", ["eventTime"] = "2026-03-02T07:00:00Z" }.ToJsonString());

        yield return Signed("room event: empty body", HttpStatusCode.BadRequest, "JSON|body", "");
        yield return Signed("room event: roomId as text", HttpStatusCode.BadRequest, "roomId",
            """{"eventId": "e-6", "eventType": "enter", "roomId": "seven", "userId": "anchor-1", "eventTime": "2026-03-02T07:00:00Z"}""");
        yield return Signed("room event: body over 64 KB", HttpStatusCode.RequestEntityTooLarge, "bytes",
            new JsonObject { ["eventId"] = "e-8", ["eventType"] = "enter", ["roomId"] = 1, ["userId"] = "anchor-1", ["eventTime"] = "2026-03-02T07:00:00Z", ["note"] = Json.Repeat('n', 70_000) }.ToJsonString());

        // GET /api/ledger?...
        yield return Get("ledger: limit 0", "/api/ledger?limit=0", HttpStatusCode.BadRequest, "limit");
        yield return Get("ledger: limit text", "/api/ledger?limit=all", HttpStatusCode.BadRequest, "limit");
        yield return Get("ledger: limit beyond int", "/api/ledger?limit=99999999999", HttpStatusCode.BadRequest, "limit");
        yield return Get("ledger: all not a boolean", "/api/ledger?all=maybe", HttpStatusCode.BadRequest, "all");
        yield return Get("ledger: sessionId with control characters", "/api/ledger?sessionId=r1%3Aua%3Ak%07%1B", HttpStatusCode.BadRequest, "sessionId");
        yield return Get("ledger: sessionId of 2,000 chars", "/api/ledger?sessionId=" + LongId, HttpStatusCode.BadRequest, "sessionId");

        // Schedules.
        yield return Post("schedule: malformed JSON", "/api/schedules", HttpStatusCode.BadRequest, "JSON", """{"cron": """);
        yield return Post("schedule: cron not cron", "/api/schedules", HttpStatusCode.BadRequest, "cron",
            """{"cron": "every full moon", "timeZone": "UTC", "template": {"roomId": 7002, "userId": "anchor-s", "channelName": "s"}}""");
        yield return Post("schedule: unknown time zone", "/api/schedules", HttpStatusCode.BadRequest, "timeZone",
            """{"cron": "0 9 * * *", "timeZone": "Mars/Olympus_Mons", "template": {"roomId": 7002, "userId": "anchor-s", "channelName": "s"}}""");
        yield return Post("schedule: template missing", "/api/schedules", HttpStatusCode.BadRequest, "template", """{"cron": "0 9 * * *", "timeZone": "UTC"}""");
        yield return Post("schedule: template with bad userId", "/api/schedules", HttpStatusCode.BadRequest, "template.userId",
            """{"cron": "0 9 * * *", "timeZone": "UTC", "template": {"roomId": 7002, "userId": "a b", "channelName": "s"}}""");
        yield return Post("schedule: template roomId 2^32", "/api/schedules", HttpStatusCode.BadRequest, "roomId",
            """{"cron": "0 9 * * *", "timeZone": "UTC", "template": {"roomId": 4294967296, "userId": "anchor-s", "channelName": "s"}}""");
        yield return Post("schedule: id with control characters", "/api/schedules", HttpStatusCode.BadRequest, "id",
            """{"id": "s\u0001", "cron": "0 9 * * *", "timeZone": "UTC", "template": {"roomId": 7002, "userId": "anchor-s", "channelName": "s"}}""");
        yield return Post("schedule: cron as number", "/api/schedules", HttpStatusCode.BadRequest, "cron",
            """{"cron": 9, "timeZone": "UTC", "template": {"roomId": 7002, "userId": "anchor-s", "channelName": "s"}}""");
        yield return Post("schedule: template as text", "/api/schedules", HttpStatusCode.BadRequest, "template",
            """{"cron": "0 9 * * *", "timeZone": "UTC", "template": "every day"}""");
        yield return Post("schedule: overlap unknown", "/api/schedules", HttpStatusCode.BadRequest, "overlap",
            """{"cron": "0 9 * * *", "timeZone": "UTC", "overlap": "Sometimes", "template": {"roomId": 7002, "userId": "anchor-s", "channelName": "s"}}""");
        yield return Post("schedule: extra field", "/api/schedules", HttpStatusCode.BadRequest, "priority",
            """{"cron": "0 9 * * *", "timeZone": "UTC", "priority": "high", "template": {"roomId": 7002, "userId": "anchor-s", "channelName": "s"}}""");
        yield return Post("schedule: id of 41 chars", "/api/schedules", HttpStatusCode.BadRequest, "id",
            $$$"""{"id": "{{{Json.Repeat('s', 41)}}}", "cron": "0 9 * * *", "timeZone": "UTC", "template": {"roomId": 7002, "userId": "anchor-s", "channelName": "s"}}""");
        yield return Post("schedule: body over 64 KB", "/api/schedules", HttpStatusCode.RequestEntityTooLarge, "bytes",
            $$$"""{"cron": "0 9 * * *", "timeZone": "UTC", "template": {"roomId": 7002, "userId": "anchor-s", "channelName": "s", "channelDescription": "{{{Json.Repeat('x', 70_000)}}}"}}""");
        yield return Get("schedule: get id of 2,000 chars", "/api/schedules/" + Json.Repeat('s', 2000), HttpStatusCode.NotFound, "… (2000 characters)");
        yield return new HttpCase("schedule: delete id of 2,000 chars", HttpMethod.Delete, "/api/schedules/" + Json.Repeat('s', 2000), HttpStatusCode.NotFound, "ssssssss");
        yield return new HttpCase("schedule: delete id with control characters", HttpMethod.Delete, "/api/schedules/s%07%1B", HttpStatusCode.NotFound, @"'s\u0007\u001b'");
        yield return Get("schedule: list without API key", "/api/schedules", HttpStatusCode.Unauthorized, "X-Api-Key") with { ApiKey = null };
        yield return Get("schedule: get unknown", "/api/schedules/no-such-schedule", HttpStatusCode.NotFound, "no-such-schedule");
        yield return Post("schedule: pause unknown", "/api/schedules/no-such-schedule/pause", HttpStatusCode.NotFound, "no-such-schedule");
        yield return Post("schedule: resume unknown", "/api/schedules/no-such-schedule/resume", HttpStatusCode.NotFound, "no-such-schedule");
        yield return Post("schedule: pause id with control characters", "/api/schedules/s%07%1B/pause", HttpStatusCode.NotFound, @"'s\u0007\u001b'");
        yield return new HttpCase("schedule: delete unknown", HttpMethod.Delete, "/api/schedules/no-such-schedule", HttpStatusCode.NotFound, "no-such-schedule");

        // Routes and methods that do not exist.
        yield return Get("route: unknown", "/api/broadcasts", HttpStatusCode.NotFound, "/api/broadcasts");
        yield return new HttpCase("route: PUT on sessions", HttpMethod.Put, "/api/sessions", HttpStatusCode.MethodNotAllowed, "PUT") { Body = "{}" };
        yield return new HttpCase("route: DELETE a session", HttpMethod.Delete, $"/api/sessions/{Finished}", HttpStatusCode.MethodNotAllowed, "DELETE");
        yield return Get("route: no API key on a read", "/api/sessions", HttpStatusCode.Unauthorized, "X-Api-Key") with { ApiKey = null };
        yield return Post("route: no API key on a sweep", "/api/ledger/sweep", HttpStatusCode.Unauthorized, "X-Api-Key") with { ApiKey = null };
        yield return new HttpCase("route: GET the sweep", HttpMethod.Get, "/api/ledger/sweep", HttpStatusCode.MethodNotAllowed, "GET");
    }

    private static HttpCase Signed(string name, HttpStatusCode status, string mentions, string body) =>
        new(name, HttpMethod.Post, "/api/room-events", status, mentions) { Body = body, SignAsRoomEvent = true };

    private static HttpCase Get(string name, string path, HttpStatusCode status, string mentions) => new(name, HttpMethod.Get, path, status, mentions);

    private static HttpCase Post(string name, string path, HttpStatusCode status, string mentions, string? body = null) =>
        new(name, HttpMethod.Post, path, status, mentions) { Body = body };
}

using System.Net;
using System.Text;
using System.Text.Json;
using Broadcast.Sessions;
using Microsoft.Extensions.Time.Testing;

namespace Broadcast.Host.Tests;

/// <summary>The room-event webhook: signatures, field errors, routing, duplicates, event-time order and early events.</summary>
public sealed class RoomEventTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 7, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task RoomEvent_WithoutAValidSignature_Is401AndReachesNoSession()
    {
        await using var host = await TestHost.StartAsync(RoomEventSender.Settings());
        using var sender = new RoomEventSender(host, RoomEventSender.SigningKey);
        var links = await host.CreateSessionAsync(Requests.Session("unsigned", roomId: 3201));
        await host.WaitForSessionAsync(links.Id, view => view.Status == SessionStatus.WaitingForJoin, "WaitingForJoin");
        var body = Encoding.UTF8.GetBytes(RoomEventSender.Event("e-1", "enter", 3201, "anchor-1", DateTimeOffset.UtcNow).ToJsonString());
        var other = Encoding.UTF8.GetBytes(RoomEventSender.Event("e-2", "enter", 3201, "anchor-1", DateTimeOffset.UtcNow).ToJsonString());

        var refusals = new List<(string Case, HttpResponseMessage Response)>
        {
            ("no header", await sender.PostAsync(body, signature: null)),
            ("other key", await sender.PostAsync(body, RoomEventSender.Sign("some-other-key-of-16+", body))),
            ("other body", await sender.PostAsync(body, RoomEventSender.Sign(RoomEventSender.SigningKey, other))),
            ("not hex", await sender.PostAsync(body, "sha256=" + new string('z', 64))),
            ("other scheme", await sender.PostAsync(body, RoomEventSender.Sign(RoomEventSender.SigningKey, body).Replace("sha256=", "sha1=", StringComparison.Ordinal))),
            ("truncated", await sender.PostAsync(body, RoomEventSender.Sign(RoomEventSender.SigningKey, body)[..40])),
        };
        using (var withApiKeyOnly = new HttpRequestMessage(HttpMethod.Post, "/api/room-events") { Content = new ByteArrayContent(body) })
        {
            refusals.Add(("API key instead", await host.Http.SendAsync(withApiKeyOnly)));
        }

        foreach (var (name, response) in refusals)
        {
            using (response)
            {
                Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{name}: {(int)response.StatusCode}");
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                Assert.Contains("X-Broadcast-Signature", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
        }

        var view = await host.GetSessionAsync(links.Id);
        Assert.Equal(SessionStatus.WaitingForJoin, view.Status);
        Assert.DoesNotContain(view.Timeline, e => e.Kind == TimelineKind.Signal);

        // The same body, signed: now it counts (and the refused attempts left no trace in the dedup store).
        host.Simulator.State.JoinUser(3201, "anchor-1");
        Assert.Equal(RoomEventDisposition.Routed, (await sender.SendAsync(JsonSerializer.Deserialize<System.Text.Json.Nodes.JsonNode>(body)!)).Disposition);
        await host.WaitForSessionAsync(links.Id, v => v.Status == SessionStatus.Live, "Live");
        await host.PostAcceptedAsync(links.CancelUrl);
        await host.WaitForResultAsync(links.Id);
        host.AssertNothingLeftRunning();
    }

    [Fact]
    public async Task RoomEvent_Malformed_Is400NamingTheField()
    {
        await using var host = await TestHost.StartAsync(RoomEventSender.Settings());
        using var sender = new RoomEventSender(host, RoomEventSender.SigningKey);
        var now = DateTimeOffset.UtcNow;

        Assert.Contains("$", (await sender.RefusedAsync("not json"u8.ToArray())).Keys);
        Assert.Contains("$", (await sender.RefusedAsync("[1,2]"u8.ToArray())).Keys);
        Assert.Equal(["eventType"], (await RefusedAsync(sender, e => e["eventType"] = "jump")).Keys);
        Assert.Equal(["roomId"], (await RefusedAsync(sender, e => e.Remove("roomId"))).Keys);
        Assert.Equal(["roomId"], (await RefusedAsync(sender, e => e["roomId"] = "3202")).Keys);
        Assert.Equal(["roomId"], (await RefusedAsync(sender, e => e["roomId"] = 4294967296L)).Keys);
        Assert.Equal(["userId"], (await RefusedAsync(sender, e => e["userId"] = "a:b")).Keys);
        Assert.Equal(["eventId"], (await RefusedAsync(sender, e => e["eventId"] = new string('x', 129))).Keys);
        Assert.Equal(["eventTime"], (await RefusedAsync(sender, e => e["eventTime"] = "2026-03-02T07:00:00")).Keys);
        Assert.Equal(["eventTime"], (await RefusedAsync(sender, e => e["eventTime"] = now.AddHours(1).ToString("O"))).Keys);
        var several = await RefusedAsync(sender, e =>
        {
            e.Remove("eventId");
            e["eventType"] = 1;
        });
        Assert.Equal(["eventId", "eventType"], several.Keys.Order(StringComparer.Ordinal));
        host.AssertNothingLeftRunning();
    }

    [Fact]
    public async Task EnterAndExit_AreRoutedToTheWaitingAndLiveSessionsOfThatRoomAndUserOnly()
    {
        await using var host = await TestHost.StartAsync(RoomEventSender.Settings());
        using var sender = new RoomEventSender(host, RoomEventSender.SigningKey);
        var anchor = await host.CreateSessionAsync(Requests.Session("routed", roomId: 3203) with { LeaveGrace = TimeSpan.FromHours(1) });
        var otherUser = await host.CreateSessionAsync(Requests.Session("other-user", roomId: 3203, userId: "anchor-2"));
        var otherRoom = await host.CreateSessionAsync(Requests.Session("other-room", roomId: 3204));
        host.Simulator.State.JoinUser(3203, "anchor-1");
        var t = DateTimeOffset.UtcNow.AddMinutes(-1);

        var enter = await sender.SendAsync(RoomEventSender.Event("enter-1", "enter", 3203, "anchor-1", t));
        await host.WaitForSessionAsync(anchor.Id, view => view.Status == SessionStatus.Live, "Live");
        var exit = await sender.SendAsync(RoomEventSender.Event("exit-1", "EXIT", 3203, "anchor-1", t.AddSeconds(10)));
        var away = await host.WaitForSessionAsync(anchor.Id, view => view.AnchorLeftAt is not null, "the anchor away");

        Assert.Equal((RoomEventDisposition.Routed, "UserJoined"), (enter.Disposition, enter.Signal));
        Assert.Equal([anchor.Id], enter.Sessions);
        Assert.Equal((RoomEventDisposition.Routed, "UserLeft"), (exit.Disposition, exit.Signal));
        Assert.Equal([anchor.Id], exit.Sessions);
        Assert.Equal(RoomEventType.Exit, exit.EventType);
        Assert.Contains(away.Timeline, e => e.Kind == TimelineKind.Signal && e.Message.Contains("room event 'enter-1'", StringComparison.Ordinal));
        Assert.Contains(away.Timeline, e => e.Kind == TimelineKind.Signal && e.Message.Contains("room event 'exit-1'", StringComparison.Ordinal));
        foreach (var other in new[] { otherUser, otherRoom })
        {
            var view = await host.GetSessionAsync(other.Id);
            Assert.Equal(SessionStatus.WaitingForJoin, view.Status);
            Assert.DoesNotContain(view.Timeline, e => e.Kind == TimelineKind.Signal);
        }

        foreach (var links in new[] { anchor, otherUser, otherRoom })
        {
            await host.PostAcceptedAsync(links.CancelUrl);
            await host.WaitForResultAsync(links.Id);
        }

        host.AssertNothingLeftRunning();
    }

    [Fact]
    public async Task RepeatedDelivery_IsCountedOnceAndAnswered200WithTheFirstReceipt()
    {
        await using var host = await TestHost.StartAsync(RoomEventSender.Settings());
        using var sender = new RoomEventSender(host, RoomEventSender.SigningKey);
        var links = await host.CreateSessionAsync(Requests.Session("repeated", roomId: 3205) with { LeaveGrace = TimeSpan.FromHours(1) });
        host.Simulator.State.JoinUser(3205, "anchor-1");
        var t = DateTimeOffset.UtcNow.AddMinutes(-1);
        var enter = RoomEventSender.Event("dup-1", "enter", 3205, "anchor-1", t);

        var first = await sender.SendAsync(enter);
        var second = await sender.SendAsync(enter, HttpStatusCode.OK);
        var sameIdOtherBody = await sender.SendAsync(RoomEventSender.Event("dup-1", "exit", 3205, "anchor-1", t.AddSeconds(5)), HttpStatusCode.OK);
        await host.WaitForSessionAsync(links.Id, view => view.Status == SessionStatus.Live, "Live");

        Assert.False(first.Duplicate);
        Assert.True(second.Duplicate);
        Assert.Equal(first with { Duplicate = true, Sessions = second.Sessions }, second);
        Assert.Equal(first.Sessions, second.Sessions);
        Assert.True(sameIdOtherBody.Duplicate);
        Assert.Equal(RoomEventType.Enter, sameIdOtherBody.EventType);

        // A later event's note is the barrier: anything the repeats had sent would be in the timeline before it.
        await sender.SendAsync(RoomEventSender.Event("dup-2", "exit", 3205, "anchor-1", t.AddSeconds(10)));
        var view = await host.WaitForSessionAsync(links.Id, v => v.Timeline.Any(e => e.Message.Contains("'dup-2'", StringComparison.Ordinal)), "dup-2");
        Assert.Single(view.Timeline, e => e.Message.Contains("'dup-1'", StringComparison.Ordinal));
        Assert.NotNull(view.AnchorLeftAt);
        await host.PostAcceptedAsync(links.CancelUrl);
        await host.WaitForResultAsync(links.Id);
        host.AssertNothingLeftRunning();
    }

    [Fact]
    public async Task RepeatedDelivery_OfAnEventStampedAhead_IsStillADuplicateOnceTheRetentionHasPassedItsReceipt()
    {
        var clock = new FakeTimeProvider(Start);
        await using var host = await TestHost.StartAsync(RoomEventSender.Settings(), clock);
        using var sender = new RoomEventSender(host, RoomEventSender.SigningKey);
        // The sender's clock runs 4 minutes ahead, inside Webhooks:MaxClockSkew.
        var enter = RoomEventSender.Event("ahead-1", "enter", 3211, "anchor-1", Start.AddMinutes(4));
        Assert.Equal(RoomEventDisposition.Held, (await sender.SendAsync(enter)).Disposition);

        // Past the retention since its receipt, not yet since its own time: it would still be taken as new.
        clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(2));
        var links = await host.CreateSessionAsync(Requests.Session("ahead", roomId: 3211) with { JoinTimeout = TimeSpan.FromHours(1) });
        var repeat = await sender.SendAsync(enter, HttpStatusCode.OK);

        Assert.True(repeat.Duplicate);
        Assert.Equal(RoomEventDisposition.Held, repeat.Disposition);
        Assert.Equal(SessionStatus.WaitingForJoin, (await host.GetSessionAsync(links.Id)).Status);
        await host.PostAcceptedAsync(links.CancelUrl);
        await host.WaitForResultAsync(links.Id);
        host.AssertNothingLeftRunning();
    }

    [Fact]
    public async Task ConcurrentDeliveriesOfOneEvent_AreCountedOnce()
    {
        await using var host = await TestHost.StartAsync(RoomEventSender.Settings());
        using var sender = new RoomEventSender(host, RoomEventSender.SigningKey);
        var links = await host.CreateSessionAsync(Requests.Session("concurrent", roomId: 3210));
        host.Simulator.State.JoinUser(3210, "anchor-1");
        var body = Encoding.UTF8.GetBytes(RoomEventSender.Event("burst-1", "enter", 3210, "anchor-1", DateTimeOffset.UtcNow.AddSeconds(-1)).ToJsonString());

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => sender.PostAsync(body)));
        var statuses = responses.Select(r => r.StatusCode).ToList();
        foreach (var response in responses)
        {
            response.Dispose();
        }

        Assert.Single(statuses, HttpStatusCode.Accepted);
        Assert.Equal(7, statuses.Count(s => s == HttpStatusCode.OK));
        await sender.SendAsync(RoomEventSender.Event("burst-2", "exit", 3210, "anchor-1", DateTimeOffset.UtcNow));
        var view = await host.WaitForSessionAsync(links.Id, v => v.Timeline.Any(e => e.Message.Contains("'burst-2'", StringComparison.Ordinal)), "burst-2");
        Assert.Single(view.Timeline, e => e.Message.Contains("'burst-1'", StringComparison.Ordinal));
        await host.PostAcceptedAsync(links.CancelUrl);
        await host.WaitForResultAsync(links.Id);
        host.AssertNothingLeftRunning();
    }

    [Fact]
    public async Task OutOfOrderEvents_OlderThanTheLatestProcessed_AreStaleAndChangeNothing()
    {
        await using var host = await TestHost.StartAsync(RoomEventSender.Settings());
        using var sender = new RoomEventSender(host, RoomEventSender.SigningKey);
        var links = await host.CreateSessionAsync(Requests.Session("out-of-order", roomId: 3206) with { LeaveGrace = TimeSpan.FromHours(1) });
        host.Simulator.State.JoinUser(3206, "anchor-1");
        var t = DateTimeOffset.UtcNow.AddMinutes(-5);

        // The anchor stepped out and back in; the exit arrives after the enter that followed it.
        await sender.SendAsync(RoomEventSender.Event("enter-5", "enter", 3206, "anchor-1", t.AddSeconds(5)));
        await host.WaitForSessionAsync(links.Id, view => view.Status == SessionStatus.Live, "Live");
        var lateExit = await sender.SendAsync(RoomEventSender.Event("exit-0", "exit", 3206, "anchor-1", t));
        var exit = await sender.SendAsync(RoomEventSender.Event("exit-10", "exit", 3206, "anchor-1", t.AddSeconds(10)));
        var lateEnter = await sender.SendAsync(RoomEventSender.Event("enter-7", "enter", 3206, "anchor-1", t.AddSeconds(7)));
        var view = await host.WaitForSessionAsync(links.Id, v => v.AnchorLeftAt is not null, "the exit at +10 s");

        Assert.Equal(RoomEventDisposition.Stale, lateExit.Disposition);
        Assert.Empty(lateExit.Sessions);
        Assert.Contains("'enter-5'", lateExit.Reason, StringComparison.Ordinal);
        Assert.Equal(RoomEventDisposition.Routed, exit.Disposition);
        Assert.Equal(RoomEventDisposition.Stale, lateEnter.Disposition);
        Assert.Contains("'exit-10'", lateEnter.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(view.Timeline, e => e.Message.Contains("'exit-0'", StringComparison.Ordinal) || e.Message.Contains("'enter-7'", StringComparison.Ordinal));
        Assert.Equal(RoomEventDisposition.Stale, (await sender.SendAsync(RoomEventSender.Event("exit-0", "exit", 3206, "anchor-1", t), HttpStatusCode.OK)).Disposition);
        await host.PostAcceptedAsync(links.CancelUrl);
        await host.WaitForResultAsync(links.Id);
        host.AssertNothingLeftRunning();
    }

    [Fact]
    public async Task EarlyEnter_BeforeTheSessionExists_IsHeldAndDeliveredWhenTheSessionIsCreated()
    {
        await using var host = await TestHost.StartAsync(RoomEventSender.Settings());
        using var sender = new RoomEventSender(host, RoomEventSender.SigningKey);
        host.Simulator.State.JoinUser(3207, "anchor-1");

        var held = await sender.SendAsync(RoomEventSender.Event("early-1", "enter", 3207, "anchor-1", DateTimeOffset.UtcNow.AddSeconds(-1)));
        var links = await host.CreateSessionAsync(Requests.Session("late-session", roomId: 3207));
        var live = await host.WaitForSessionAsync(links.Id, view => view.Status == SessionStatus.Live, "Live without a join call");

        Assert.Equal(RoomEventDisposition.Held, held.Disposition);
        Assert.Empty(held.Sessions);
        Assert.Equal(held.ReceivedAt + TimeSpan.FromMinutes(10), held.HeldUntil);
        Assert.Contains(live.Timeline, e => e.Kind == TimelineKind.Signal && e.Message.Contains("room event 'early-1'", StringComparison.Ordinal));
        await host.PostAcceptedAsync(links.CancelUrl);
        await host.WaitForResultAsync(links.Id);
        host.AssertNothingLeftRunning();
    }

    [Fact]
    public async Task EarlyEnter_OlderThanTheWindow_IsNotDeliveredToANewSession()
    {
        var clock = new FakeTimeProvider(Start);
        await using var host = await TestHost.StartAsync(RoomEventSender.Settings(), clock);
        using var sender = new RoomEventSender(host, RoomEventSender.SigningKey);
        host.Simulator.State.JoinUser(3208, "anchor-1");
        Assert.Equal(RoomEventDisposition.Held, (await sender.SendAsync(RoomEventSender.Event("too-early", "enter", 3208, "anchor-1", Start))).Disposition);

        clock.Advance(TimeSpan.FromMinutes(10));
        var links = await host.CreateSessionAsync(Requests.Session("after-window", roomId: 3208));
        await sender.SendAsync(RoomEventSender.Event("in-time", "enter", 3208, "anchor-1", clock.GetUtcNow()));
        var live = await host.WaitForSessionAsync(links.Id, view => view.Status == SessionStatus.Live, "Live");

        // The held event would have been raised first (before the create call returned), so it would show by now.
        Assert.DoesNotContain(live.Timeline, e => e.Message.Contains("'too-early'", StringComparison.Ordinal));
        Assert.Contains(live.Timeline, e => e.Message.Contains("'in-time'", StringComparison.Ordinal));
        await host.PostAcceptedAsync(links.CancelUrl);
        await host.WaitForResultAsync(links.Id);
        host.AssertNothingLeftRunning();
    }

    [Fact]
    public async Task Enter_ForAScheduledSession_IsBufferedUntilItWaitsForTheJoin()
    {
        var clock = new FakeTimeProvider(Start);
        await using var host = await TestHost.StartAsync(RoomEventSender.Settings(), clock);
        using var sender = new RoomEventSender(host, RoomEventSender.SigningKey);
        var links = await host.CreateSessionAsync(Requests.Session("scheduled", roomId: 3209) with { StartAt = Start.AddHours(1) });
        await host.WaitForSessionAsync(links.Id, view => view.Status == SessionStatus.Scheduled && view.TimelineCount > 0, "Scheduled");
        host.Simulator.State.JoinUser(3209, "anchor-1");

        var enter = await sender.SendAsync(RoomEventSender.Event("before-start", "enter", 3209, "anchor-1", Start));
        Assert.Equal([links.Id], enter.Sessions);
        clock.Advance(TimeSpan.FromHours(1));
        var live = await host.WaitForSessionAsync(links.Id, view => view.Status == SessionStatus.Live, "Live at the start time");

        Assert.Contains(live.Timeline, e => e.Kind == TimelineKind.Signal && e.At == Start
            && e.Message.Contains("'before-start'", StringComparison.Ordinal) && e.Message.Contains("before the start time", StringComparison.Ordinal));
        Assert.Contains(live.Timeline, e => e.Kind == TimelineKind.Call && e.Operation == "StartPush" && e.At == Start.AddHours(1));
        await host.PostAcceptedAsync(links.CancelUrl);
        await host.WaitForResultAsync(links.Id);
        host.AssertNothingLeftRunning();
    }

    [Fact]
    public async Task RoomEvent_WithoutASigningKey_Is503()
    {
        await using var host = await TestHost.StartAsync();
        using var sender = new RoomEventSender(host, "any-key-of-sixteen-chars");

        using var response = await sender.PostAsync(RoomEventSender.Event("e", "enter", 1, "a", DateTimeOffset.UtcNow));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("Webhooks:SigningKey", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static Task<IReadOnlyDictionary<string, string[]>> RefusedAsync(RoomEventSender sender, Action<System.Text.Json.Nodes.JsonObject> change)
    {
        var body = RoomEventSender.Event("bad", "enter", 3202, "anchor-1", DateTimeOffset.UtcNow.AddSeconds(-1));
        change(body);
        return sender.RefusedAsync(Encoding.UTF8.GetBytes(body.ToJsonString()));
    }
}

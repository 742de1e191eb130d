using System.Net;
using System.Net.Http.Json;
using Broadcast.Durable;
using Broadcast.Sessions;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Broadcast.Host.Tests;

/// <summary>One-off and recurring schedules under a fake clock registered in the host's services.</summary>
public sealed class ScheduleTests
{
    private static readonly DateTimeOffset Start = new(2030, 1, 7, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Session_WithStartAt_WaitsForItsTimeThenForTheAnchor()
    {
        var clock = new FakeTimeProvider(Start);
        await using var host = await TestHost.StartAsync(clock: clock);
        var request = Requests.Session("later") with { StartAt = Start.AddHours(1), JoinTimeout = TimeSpan.FromMinutes(30) };

        var links = await host.CreateSessionAsync(request);
        var scheduled = await host.WaitForSessionAsync(links.Id, view => view.Status == SessionStatus.Scheduled, "Scheduled");
        Assert.Equal(Start.AddHours(1), scheduled.StartAt);

        clock.Advance(TimeSpan.FromMinutes(59));
        Assert.Equal(SessionStatus.Scheduled, (await host.GetSessionAsync(links.Id)).Status);

        clock.Advance(TimeSpan.FromMinutes(1));
        var waiting = await host.WaitForSessionAsync(links.Id, view => view.Status == SessionStatus.WaitingForJoin, "WaitingForJoin");
        Assert.Contains(waiting.Timeline, entry => entry.Kind == TimelineKind.Phase && entry.At >= Start.AddHours(1));

        host.Simulator.State.JoinUser(request.RoomId, request.UserId);
        await host.PostAcceptedAsync(links.UserJoinedUrl);
        await host.WaitForSessionAsync(links.Id, view => view.Status == SessionStatus.Live, "Live");
        await host.PostAcceptedAsync(links.CancelUrl);
        var done = await host.WaitForResultAsync(links.Id);

        var push = Assert.Single(done.Calls("StartPush"));
        Assert.True(push.At >= Start.AddHours(1), $"the push started at {push.At}, before its start time");
        host.AssertNothingLeftRunning();
    }

    [Fact]
    public async Task RecurringSchedule_EveryFiveMinutes_CreatesOneSessionPerOccurrenceUntilDeleted()
    {
        var clock = new FakeTimeProvider(Start);
        await using var host = await TestHost.StartAsync(clock: clock);
        var template = Requests.Session("unused", roomId: 3003, userId: "anchor-s") with { Key = null, JoinTimeout = TimeSpan.FromMinutes(1) };
        var request = new ScheduleRequest { Id = "every-5", Cron = "*/5 * * * *", TimeZone = "UTC", Template = template };

        using var created = await host.Http.PostAsJsonAsync("/api/schedules", request, DurableJson.Options);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var schedule = (await created.Content.ReadFromJsonAsync<ScheduleView>(DurableJson.Options))!;
        Assert.Equal("every-5", schedule.Id);
        Assert.Equal(Start.AddMinutes(5), schedule.NextOccurrence);
        using (var repeated = await host.Http.PostAsJsonAsync("/api/schedules", request, DurableJson.Options))
        {
            // The same request again, as a client retrying: the running schedule, answered as a repeat.
            Assert.Equal(HttpStatusCode.OK, repeated.StatusCode);
            Assert.Equal(schedule.Id, (await repeated.Content.ReadFromJsonAsync<ScheduleView>(DurableJson.Options))!.Id);
        }

        // First occurrence: the anchor joins and the session goes live, then it is cancelled.
        await WaitForScheduleTimerAsync(host, Start.AddMinutes(5));
        clock.SetUtcNow(Start.AddMinutes(5));
        var first = await WaitForSessionsAsync(host, count: 1);
        host.Simulator.State.JoinUser(3003, "anchor-s");
        await host.PostAcceptedAsync(new Uri(host.BaseAddress, $"/api/sessions/{Uri.EscapeDataString(first[0])}/user-joined"));
        await host.WaitForSessionAsync(first[0], view => view.Status == SessionStatus.Live, "Live");
        await host.PostAcceptedAsync(new Uri(host.BaseAddress, $"/api/sessions/{Uri.EscapeDataString(first[0])}/cancel"));
        await host.WaitForResultAsync(first[0]);
        host.Simulator.State.LeaveUser(3003, "anchor-s");

        // Second occurrence: nobody joins, the session times out.
        await WaitForScheduleTimerAsync(host, Start.AddMinutes(10));
        clock.SetUtcNow(Start.AddMinutes(10));
        var both = await WaitForSessionsAsync(host, count: 2);
        var second = both.Single(id => id != first[0]);
        await host.WaitForSessionAsync(second, view => view.Status == SessionStatus.WaitingForJoin, "WaitingForJoin");
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(SessionOutcome.JoinTimedOut, (await host.WaitForResultAsync(second)).Result!.Outcome);

        var view = await host.Http.GetFromJsonAsync<ScheduleView>("/api/schedules/every-5", DurableJson.Options);
        Assert.True(view!.Occurrences >= 2, $"occurrences {view.Occurrences}");
        Assert.Equal(second, view.LastSessionId);
        var all = await host.Http.GetFromJsonAsync<List<ScheduleView>>("/api/schedules", DurableJson.Options);
        Assert.Contains(all!, item => item.Id == "every-5");

        using var deleted = await host.Http.DeleteAsync("/api/schedules/every-5");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        using var gone = await host.Http.GetAsync("/api/schedules/every-5");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        host.AssertNothingLeftRunning();
    }

    /// <summary>
    /// Waits until the schedule's orchestration itself says it waits for <paramref name="occurrence"/> (its custom status),
    /// so moving the clock there fires that timer rather than making the schedule compute a later one.
    /// </summary>
    private static async Task WaitForScheduleTimerAsync(TestHost host, DateTimeOffset occurrence)
    {
        var client = host.App.Services.GetRequiredService<IOrchestrationClient>();
        string? status = null;
        var armed = await Poll.UntilAsync(async () =>
        {
            var metadata = await client.GetInstanceAsync(SessionIds.ForSchedule("every-5"), getInputsAndOutputs: true);
            status = metadata?.SerializedCustomStatus;
            return status is not null
                && JsonDocument.Parse(status).RootElement.TryGetProperty("nextOccurrence", out var next)
                && next.ValueKind == JsonValueKind.String
                && next.GetDateTimeOffset() == occurrence;
        });
        Assert.True(armed, $"the schedule never waited for {occurrence:O}; its status: {status}");
    }

    /// <summary>The ids of the schedule's sessions in room 3003, once there are <paramref name="count"/>.</summary>
    private static async Task<IReadOnlyList<string>> WaitForSessionsAsync(TestHost host, int count)
    {
        IReadOnlyList<string> ids = [];
        var found = await Poll.UntilAsync(async () =>
        {
            var page = await host.Http.GetFromJsonAsync<SessionPage>("/api/sessions?roomId=3003", DurableJson.Options);
            ids = [.. page!.Items.Select(item => item.Id)];
            return ids.Count >= count;
        });
        Assert.True(found, $"expected {count} scheduled session(s), found {ids.Count}");
        Assert.All(ids, id => Assert.StartsWith("r3003:uanchor-s:s-every-5-", id, StringComparison.Ordinal));
        return ids;
    }
}

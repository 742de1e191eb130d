using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Broadcast.Durable;
using Broadcast.Sessions;
using Microsoft.Extensions.Time.Testing;

namespace Broadcast.Host.Tests;

/// <summary>Schedule policies over HTTP: overlap and catch-up window in the body, the preview, pause and resume.</summary>
public sealed class SchedulePolicyApiTests
{
    // Friday 27 March 2026, noon UTC; Berlin changes to summer time on Sunday 29 March.
    private static readonly DateTimeOffset Friday = new(2026, 3, 27, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Schedule_PoliciesPreviewPauseAndResume_OverHttp()
    {
        await using var host = await TestHost.StartAsync(clock: new FakeTimeProvider(Friday));
        var body = new
        {
            id = "http-policies",
            cron = "0 9 * * *",
            timeZone = "Europe/Berlin",
            overlap = "BufferOne",
            catchUpWindow = "01:00:00",
            template = Requests.Session("unused", roomId: 4004) with { Key = null },
        };

        using var created = await host.Http.PostAsJsonAsync("/api/schedules", body, DurableJson.Options);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var schedule = (await created.Content.ReadFromJsonAsync<ScheduleView>(DurableJson.Options))!;
        Assert.Equal(ScheduleOverlapPolicy.BufferOne, schedule.Overlap);
        Assert.Equal(TimeSpan.FromHours(1), schedule.CatchUpWindow);
        Assert.Equal(ScheduleView.DefaultPreview, schedule.Preview.Count);

        // The preview keeps the zone's offset: 09:00 is 08:00 UTC on Saturday and 07:00 UTC from Sunday on.
        var text = await host.Http.GetStringAsync("/api/schedules/http-policies?preview=3");
        Assert.Contains("\"2026-03-28T09:00:00+01:00\"", text, StringComparison.Ordinal);
        Assert.Contains("\"2026-03-29T09:00:00+02:00\"", text, StringComparison.Ordinal);
        Assert.Equal(3, JsonDocument.Parse(text).RootElement.GetProperty("preview").GetArrayLength());

        await AssertBadPreviewAsync(host, "101", "preview");
        await AssertBadPreviewAsync(host, "-1", "preview");
        await AssertBadPreviewAsync(host, "many", null);

        using (var pause = await host.Http.PostAsync("/api/schedules/http-policies/pause", null))
        {
            Assert.Equal(HttpStatusCode.Accepted, pause.StatusCode);
            Assert.EndsWith("/api/schedules/http-policies", pause.Headers.Location!.ToString(), StringComparison.Ordinal);
        }

        var paused = await WaitForStatusAsync(host, ScheduleStatus.Paused);
        Assert.Equal(Friday, paused.PausedAt);
        Assert.Null(paused.NextOccurrence);

        using (var resume = await host.Http.PostAsync("/api/schedules/http-policies/resume", null))
        {
            Assert.Equal(HttpStatusCode.Accepted, resume.StatusCode);
        }

        var active = await WaitForStatusAsync(host, ScheduleStatus.Active, view => view.WakeAt is not null);
        Assert.Equal(new DateTimeOffset(2026, 3, 28, 8, 0, 0, TimeSpan.Zero), active.NextOccurrence);
        Assert.Null(active.PausedAt);
        Assert.Equal(0, active.Skips.Total);

        using var deleted = await host.Http.DeleteAsync("/api/schedules/http-policies");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        using var pauseGone = await host.Http.PostAsync("/api/schedules/http-policies/pause", null);
        Assert.Equal(HttpStatusCode.NotFound, pauseGone.StatusCode);
        using var resumeUnknown = await host.Http.PostAsync("/api/schedules/no-such/resume", null);
        Assert.Equal(HttpStatusCode.NotFound, resumeUnknown.StatusCode);
        host.AssertNothingLeftRunning();
    }

    [Fact]
    public async Task CreateSchedule_BadPolicies_AreRejectedNamingTheFields()
    {
        await using var host = await TestHost.StartAsync(clock: new FakeTimeProvider(Friday));
        var body = new
        {
            id = "bad-policies",
            cron = "0 9 * * *",
            overlap = "Sometimes",
            template = Requests.Session("unused") with { Key = null },
        };

        using var unknownPolicy = await host.Http.PostAsJsonAsync("/api/schedules", body, DurableJson.Options);
        Assert.Equal(HttpStatusCode.BadRequest, unknownPolicy.StatusCode);
        Assert.Contains("overlap", await unknownPolicy.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var longWindow = new { body.id, body.cron, overlap = "Skip", catchUpWindow = "8.00:00:00", body.template };
        using var tooLong = await host.Http.PostAsJsonAsync("/api/schedules", longWindow, DurableJson.Options);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        var errors = JsonDocument.Parse(await tooLong.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.Contains("7.00:00:00", errors.GetProperty("catchUpWindow")[0].GetString(), StringComparison.Ordinal);
        using var none = await host.Http.GetAsync("/api/schedules/bad-policies");
        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
        host.AssertNothingLeftRunning();
    }

    private static async Task AssertBadPreviewAsync(TestHost host, string preview, string? field)
    {
        using var response = await host.Http.GetAsync($"/api/schedules/http-policies?preview={preview}");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"preview={preview} answered {(int)response.StatusCode}: {text}");
        Assert.Contains("preview", text, StringComparison.Ordinal);
        if (field is not null)
        {
            Assert.True(JsonDocument.Parse(text).RootElement.GetProperty("errors").TryGetProperty(field, out _), text);
        }
    }

    private static async Task<ScheduleView> WaitForStatusAsync(TestHost host, ScheduleStatus status, Func<ScheduleView, bool>? also = null)
    {
        ScheduleView? view = null;
        var reached = await Poll.UntilAsync(async () =>
        {
            view = await host.Http.GetFromJsonAsync<ScheduleView>("/api/schedules/http-policies", DurableJson.Options);
            return view!.Status == status && (also is null || also(view));
        });
        Assert.True(reached, $"the schedule never became {status}; last: {view}");
        return view!;
    }
}

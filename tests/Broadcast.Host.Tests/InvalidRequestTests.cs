using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Broadcast.Durable;

namespace Broadcast.Host.Tests;

/// <summary>Bad input of every kind gets a problem document that names the problem; nothing is created.</summary>
public sealed class InvalidRequestTests : IAsyncLifetime
{
    private TestHost _host = null!;

    public async Task InitializeAsync() => _host = await TestHost.StartAsync();

    public async Task DisposeAsync()
    {
        // No test here may have started anything at the vendor.
        _host.AssertNothingLeftRunning();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task Request_WithoutApiKey_Is401AndSaysWhichHeader()
    {
        using var anonymous = new HttpClient { BaseAddress = _host.BaseAddress };

        using var response = await anonymous.GetAsync("/api/sessions");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var problem = await ReadProblemAsync(response);
        Assert.Contains("X-Api-Key", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Request_WithWrongApiKey_Is401EvenBeforeTheBodyIsRead()
    {
        using var stranger = new HttpClient { BaseAddress = _host.BaseAddress };
        stranger.DefaultRequestHeaders.Add(HostOptions.ApiKeyHeader, "not-the-key");

        using var response = await stranger.PostAsync("/api/sessions", Json("{ not json"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Health_WithoutApiKey_IsHealthy()
    {
        using var anonymous = new HttpClient { BaseAddress = _host.BaseAddress };

        using var response = await anonymous.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Healthy", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_MalformedJson_Is400NamingThePosition()
    {
        using var response = await _host.Http.PostAsync("/api/sessions", Json("""{"roomId": 1, "userId": """));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ReadProblemAsync(response);
        Assert.True(problem.TryGetProperty("errors", out var errors), problem.ToString());
        Assert.Single(errors.EnumerateObject());
    }

    [Fact]
    public async Task Create_WrongType_Is400NamingTheField()
    {
        using var response = await _host.Http.PostAsync("/api/sessions", Json("""{"roomId": "twelve", "userId": "a", "channelName": "c"}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await ReadProblemAsync(response)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("roomId", out _), errors.ToString());
    }

    [Fact]
    public async Task Create_UnknownEnumValue_Is400NamingTheNestedField()
    {
        using var response = await _host.Http.PostAsync("/api/sessions",
            Json("""{"roomId": 1, "userId": "a", "channelName": "c", "recording": {"mode": "Vhs", "fileName": "f"}}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await ReadProblemAsync(response)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("recording.mode", out _), errors.ToString());
    }

    [Fact]
    public async Task Create_UnknownField_Is400NamingIt()
    {
        using var response = await _host.Http.PostAsync("/api/sessions", Json("""{"roomId": 1, "userId": "a", "channelName": "c", "chanelName": "typo"}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await ReadProblemAsync(response)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("chanelName", out _), errors.ToString());
    }

    [Fact]
    public async Task Create_MissingFields_IsValidationProblemNamingEachField()
    {
        using var response = await _host.Http.PostAsync("/api/sessions", Json("""{"key": "k1"}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await ReadProblemAsync(response)).GetProperty("errors");
        foreach (var field in (string[])["roomId", "userId", "channelName"])
        {
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}");
        }

        Assert.Empty((await ListAsync()).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Create_EmptyBody_Is400()
    {
        using var response = await _host.Http.PostAsync("/api/sessions", Json(""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await ReadProblemAsync(response);
    }

    [Fact]
    public async Task Create_BodyOver64KB_Is413NamingTheLimit()
    {
        var padding = new string('x', 70 * 1024);
        using var response = await _host.Http.PostAsync("/api/sessions", Json($$"""{"roomId": 1, "userId": "a", "channelName": "{{padding}}"}"""));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var problem = await ReadProblemAsync(response);
        Assert.Contains("65536", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_SameKeyTwice_SecondIs200WithTheSameSession()
    {
        var request = Requests.Session("twice");
        var first = await _host.CreateSessionAsync(request);

        using var again = await _host.Http.PostAsJsonAsync("/api/sessions", request, DurableJson.Options);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var links = await again.Content.ReadFromJsonAsync<SessionLinks>(DurableJson.Options);
        Assert.Equal(first.Id, links!.Id);
        Assert.False(links.Created);
        await _host.PostAcceptedAsync(first.CancelUrl);
        await _host.WaitForResultAsync(first.Id);
    }

    [Fact]
    public async Task Create_SameKeyDifferentRequest_Is409NamingTheId()
    {
        var first = await _host.CreateSessionAsync(Requests.Session("clash"));

        using var response = await _host.Http.PostAsJsonAsync("/api/sessions", Requests.Session("clash") with { ChannelName = "Another" }, DurableJson.Options);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains(first.Id, (await ReadProblemAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        await _host.PostAcceptedAsync(first.CancelUrl);
        await _host.WaitForResultAsync(first.Id);
    }

    [Theory]
    [InlineData("GET", "/api/sessions/r1:ux:none")]
    [InlineData("POST", "/api/sessions/r1:ux:none/user-joined")]
    [InlineData("POST", "/api/sessions/r1:ux:none/cancel")]
    [InlineData("GET", "/api/schedules/none")]
    [InlineData("DELETE", "/api/schedules/none")]
    public async Task UnknownId_Is404NamingIt(string method, string path)
    {
        using var response = await _host.Http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("none", (await ReadProblemAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownRoute_Is404Problem()
    {
        using var response = await _host.Http.GetAsync("/api/nothing-here");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("/api/nothing-here", (await ReadProblemAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_UnknownStatus_Is400NamingTheParameter()
    {
        using var response = await _host.Http.GetAsync("/api/sessions?status=Sleeping");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await ReadProblemAsync(response)).GetProperty("errors").TryGetProperty("status", out _));
    }

    [Fact]
    public async Task RoomSignal_RoomNotANumber_Is400NamingTheParameter()
    {
        using var response = await _host.Http.PostAsync("/api/rooms/abc/users/u1/joined", null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await ReadProblemAsync(response)).GetProperty("errors").TryGetProperty("roomId", out _));
    }

    [Fact]
    public async Task Cancel_BodyNotJson_Is400()
    {
        var links = await _host.CreateSessionAsync(Requests.Session("cancel-body"));

        using var response = await _host.Http.PostAsync(links.CancelUrl, Json("""{"reason": 5}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await ReadProblemAsync(response)).GetProperty("errors").TryGetProperty("reason", out _));
        await _host.PostAcceptedAsync(links.CancelUrl);
        await _host.WaitForResultAsync(links.Id);
    }

    [Fact]
    public async Task OpenApiDocument_IsServedAndDescribesTheSessionsApi()
    {
        using var response = await _host.Http.GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await response.Content.ReadFromJsonAsync<JsonElement>();
        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/sessions", out _));
        Assert.True(paths.TryGetProperty("/api/sessions/{id}/cancel", out _));
        Assert.True(paths.TryGetProperty("/api/schedules", out _));
        Assert.DoesNotContain(paths.EnumerateObject(), path => path.Name.StartsWith("/simulator", StringComparison.Ordinal));
    }

    private async Task<JsonElement> ListAsync() =>
        await _host.Http.GetFromJsonAsync<JsonElement>("/api/sessions");

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    private static async Task<JsonElement> ReadProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((int)response.StatusCode, problem.GetProperty("status").GetInt32());
        return problem;
    }
}

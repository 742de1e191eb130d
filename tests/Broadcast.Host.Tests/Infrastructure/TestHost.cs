using System.Net;
using System.Net.Http.Json;
using Broadcast.Durable;
using Broadcast.Ilvb.Simulator;
using Broadcast.Sessions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Broadcast.Host.Tests;

/// <summary>
/// The real host on a free loopback port, with a SQLite file in a temp folder and the in-process simulator as its
/// backend; an HTTP client that sends the API key.
/// </summary>
public sealed class TestHost : IAsyncDisposable
{
    public const string ApiKey = "test-api-key";

    private readonly DirectoryInfo _folder;

    private TestHost(WebApplication app, DirectoryInfo folder, FakeTimeProvider? clock)
    {
        App = app;
        _folder = folder;
        Clock = clock;
        BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
        Http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        Http.DefaultRequestHeaders.Add(HostOptions.ApiKeyHeader, ApiKey);
        Simulator = app.Services.GetRequiredService<EmbeddedSimulator>().Simulator;
    }

    public WebApplication App { get; }

    public Uri BaseAddress { get; }

    /// <summary>A client that sends the API key.</summary>
    public HttpClient Http { get; }

    public IlvbSimulator Simulator { get; }

    /// <summary>The fake clock, when the host was started with one.</summary>
    public FakeTimeProvider? Clock { get; }

    /// <summary>
    /// Starts a host. <paramref name="settings"/> override the test defaults (API key on, framework logs at Warning);
    /// <paramref name="clock"/> replaces the system clock everywhere (engine, sessions, client, simulator, queues).
    /// </summary>
    public static async Task<TestHost> StartAsync(IDictionary<string, string?>? settings = null, FakeTimeProvider? clock = null)
    {
        var folder = Directory.CreateTempSubdirectory("broadcast-host-test-");
        var configuration = new Dictionary<string, string?>
        {
            ["Engine:DatabasePath"] = Path.Combine(folder.FullName, "broadcast.db"),
            ["Host:ApiKey"] = ApiKey,
            ["Host:PrintSummary"] = "false",
            ["Host:UseSimulator"] = "true",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        var app = BroadcastHostApp.Build([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(configuration);
            if (clock is not null)
            {
                builder.Services.AddSingleton<TimeProvider>(clock);
            }
        });
        app.Urls.Add("http://127.0.0.1:0");
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            folder.Delete(recursive: true);
            throw;
        }

        return new TestHost(app, folder, clock);
    }

    /// <summary>POST /api/sessions; asserts 201 and returns the links.</summary>
    public async Task<SessionLinks> CreateSessionAsync(object request)
    {
        using var response = await Http.PostAsJsonAsync("/api/sessions", request, DurableJson.Options);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST /api/sessions answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<SessionLinks>(DurableJson.Options))!;
    }

    public async Task<SessionView> GetSessionAsync(string id)
    {
        using var response = await Http.GetAsync($"/api/sessions/{Uri.EscapeDataString(id)}");
        Assert.True(response.IsSuccessStatusCode, $"GET session {id} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<SessionView>(DurableJson.Options))!;
    }

    /// <summary>POSTs to a session's URL (user-joined, cancel) and asserts 202.</summary>
    public async Task PostAcceptedAsync(Uri url, object? body = null)
    {
        using var response = body is null ? await Http.PostAsync(url, null) : await Http.PostAsJsonAsync(url, body, DurableJson.Options);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"POST {url} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>
    /// Reads the session until <paramref name="condition"/> holds. With a fake clock, each round moves it by
    /// <paramref name="advance"/> (when given), so durable timers fire.
    /// </summary>
    public async Task<SessionView> WaitForSessionAsync(string id, Func<SessionView, bool> condition, string what, TimeSpan? advance = null)
    {
        SessionView? last = null;
        var found = await Poll.UntilAsync(async () =>
        {
            last = await GetSessionAsync(id);
            if (condition(last))
            {
                return true;
            }

            if (advance is { } step)
            {
                Clock!.Advance(step);
            }

            return false;
        });
        Assert.True(found, $"Session {id} never reached '{what}'; last status {last?.Status}, phase {last?.Phase}, timeline:\n{Describe(last)}");
        return last!;
    }

    /// <summary>Waits for the session's result (it finished).</summary>
    public Task<SessionView> WaitForResultAsync(string id, TimeSpan? advance = null) =>
        WaitForSessionAsync(id, view => view.Result is not null, "finished", advance);

    /// <summary>The closing assertion of every test that starts sessions: the vendor has nothing running for us.</summary>
    public void AssertNothingLeftRunning()
    {
        Assert.True(Simulator.State.ActivePushes.Count == 0, $"Pushes left running: {string.Join(", ", Simulator.State.ActivePushes)}");
        Assert.True(Simulator.State.ActiveRecordings.Count == 0, $"Recordings left running: {string.Join(", ", Simulator.State.ActiveRecordings)}");
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        try
        {
            await App.StopAsync();
        }
        finally
        {
            await App.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                _folder.Delete(recursive: true);
            }
            catch (IOException)
            {
                // A temp folder left behind does not change any result.
            }
        }
    }

    private static string Describe(SessionView? view) => view is null
        ? "(none)"
        : TimelineTable.Format(view.Result?.Timeline ?? view.Timeline);
}

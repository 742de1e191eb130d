using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Azure.Storage.Queues;
using Broadcast.Durable;
using Broadcast.Host;
using Broadcast.Ilvb.Simulator;
using Broadcast.Sessions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Broadcast.BadInput.Tests;

/// <summary>
/// One host for every bad-input case, as a user runs it: its HTTP API on a loopback port, a SQLite file, queues on
/// Azurite, and the simulator behind a proxy that can spoil answers. Cases run one after the other and each ends by
/// checking the promises: the host still serves, no session appeared or vanished, nothing is live at the vendor.
/// </summary>
public sealed class BadInputFixture : IAsyncLifetime
{
    public const string ApiKey = "bad-input-key";
    public const string WebhookKey = "bad-input-webhook-key";
    public const uint FinishedRoom = 7100;
    public const string FinishedUser = "anchor-finished";
    public const string FinishedKey = "finished-1";
    public static readonly string FinishedSessionId = SessionIds.ForSession(FinishedRoom, FinishedUser, FinishedKey);

    private readonly ConcurrentDictionary<string, PoisonRecord> _poison = new();
    private readonly HashSet<string> _sessions = new(StringComparer.Ordinal);
    private DirectoryInfo? _folder;
    private WebApplication? _app;
    private AzuriteServer? _azurite;

    public IlvbSimulator Simulator { get; private set; } = null!;

    public VendorProxy Proxy { get; private set; } = null!;

    /// <summary>A client that sends the API key.</summary>
    public HttpClient Http { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public string QueueConnectionString => _azurite!.ConnectionString;

    /// <summary>Every API route the running host maps, as its method and route pattern (e.g. <c>POST /api/sessions/{id}/cancel</c>).</summary>
    public IReadOnlyList<(string Method, string Pattern)> ApiRoutes() =>
    [
        .. ((IEndpointRouteBuilder)_app!).DataSources
            .SelectMany(source => source.Endpoints)
            .OfType<RouteEndpoint>()
            .Where(endpoint => endpoint.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .SelectMany(endpoint => (endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(method => (method, endpoint.RoutePattern.RawText!)))
            .Distinct(),
    ];

    public async Task InitializeAsync()
    {
        _folder = Directory.CreateTempSubdirectory("broadcast-badinput-");
        _azurite = await AzuriteServer.StartAsync();
        Simulator = await IlvbSimulator.StartAsync(new SimulatorOptions());
        Proxy = await VendorProxy.StartAsync(Simulator.BaseUrl);

        var settings = HostSettings.For(_folder.FullName, Proxy.BaseUrl, _azurite.ConnectionString);
        _app = BroadcastHostApp.Build([], builder => builder.Configuration.AddInMemoryCollection(settings));
        _app.Urls.Clear();
        _app.Urls.Add("http://127.0.0.1:0");
        await _app.StartAsync();
        BaseAddress = new Uri(_app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
        Http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        Http.DefaultRequestHeaders.Add(HostOptions.ApiKeyHeader, ApiKey);

        await CreateFinishedSessionAsync();
    }

    public async Task DisposeAsync()
    {
        Http?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        await Proxy.DisposeAsync();
        await Simulator.DisposeAsync();
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            _folder?.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind changes no result.
        }
    }

    /// <summary>Records a session a case created on purpose, so the closing count expects it.</summary>
    public void Expect(string sessionId)
    {
        lock (_sessions)
        {
            _sessions.Add(sessionId);
        }
    }

    /// <summary>The promises every case ends with: the host serves, the sessions are exactly the expected ones, nothing is live.</summary>
    public async Task AssertPromisesKeptAsync()
    {
        using (var health = await Http.GetAsync(HealthApi.Path))
        {
            Assert.True(health.StatusCode == HttpStatusCode.OK, $"/healthz answered {(int)health.StatusCode} after the case: {await health.Content.ReadAsStringAsync()}");
        }

        var page = await Http.GetFromJsonAsync<SessionPage>("/api/sessions?pageSize=500", DurableJson.Options);
        string[] expected;
        lock (_sessions)
        {
            expected = [.. _sessions.Order(StringComparer.Ordinal)];
        }

        Assert.Equal(expected, page!.Items.Select(view => view.Id).Order(StringComparer.Ordinal));
        Assert.All(page.Items, view => Assert.True(view.Result is not null, $"Session {view.Id} is still {view.Status} at the end of a case."));
        AssertNothingLive();
    }

    public void AssertNothingLive()
    {
        Assert.True(Simulator.State.ActivePushes.Count == 0, $"Pushes left running: {string.Join(", ", Simulator.State.ActivePushes)}");
        Assert.True(Simulator.State.ActiveRecordings.Count == 0, $"Recordings left running: {string.Join(", ", Simulator.State.ActiveRecordings)}");
    }

    /// <summary>Writes <paramref name="text"/> to a queue, Base64 as the host expects or raw; returns the message id.</summary>
    public async Task<string> SendAsync(string queueName, string text, bool base64 = true)
    {
        var queue = new QueueClient(QueueConnectionString, queueName,
            new QueueClientOptions { MessageEncoding = base64 ? QueueMessageEncoding.Base64 : QueueMessageEncoding.None });
        await queue.CreateIfNotExistsAsync();
        return (await queue.SendMessageAsync(text)).Value.MessageId;
    }

    /// <summary>Waits until the message with <paramref name="messageId"/> lands in <c>&lt;queue&gt;-poison</c>.</summary>
    public async Task<PoisonRecord> WaitForPoisonAsync(string queueName, string messageId)
    {
        var poison = new QueueClient(QueueConnectionString, QueueOptions.PoisonQueueName(queueName),
            new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        await poison.CreateIfNotExistsAsync();
        var found = await Poll.UntilAsync(async () =>
        {
            foreach (var message in (await poison.ReceiveMessagesAsync(32)).Value)
            {
                var record = DurableJson.Deserialize<PoisonRecord>(message.Body.ToString())!;
                _poison[record.MessageId] = record;
                await poison.DeleteMessageAsync(message.MessageId, message.PopReceipt);
            }

            return _poison.ContainsKey(messageId);
        });
        Assert.True(found, $"Message {messageId} never reached {poison.Name}.");
        return _poison[messageId];
    }

    /// <summary>POST /api/sessions with a valid request; asserts 201.</summary>
    public async Task<string> CreateSessionAsync(SessionRequest request)
    {
        using var response = await Http.PostAsJsonAsync("/api/sessions", request, DurableJson.Options);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST /api/sessions answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var links = await response.Content.ReadFromJsonAsync<CreatedLinks>(DurableJson.Options);
        Expect(links!.Id);
        return links.Id;
    }

    public async Task<SessionView> GetSessionAsync(string id) =>
        (await Http.GetFromJsonAsync<SessionView>($"/api/sessions/{Uri.EscapeDataString(id)}", DurableJson.Options))!;

    public async Task<SessionView> WaitForSessionAsync(string id, Func<SessionView, bool> condition, string what)
    {
        SessionView? last = null;
        var reached = await Poll.UntilAsync(async () => condition(last = await GetSessionAsync(id)));
        Assert.True(reached, $"Session {id} never reached '{what}'; last status {last?.Status}, phase {last?.Phase}, timeline:\n{Describe(last)}");
        return last!;
    }

    public async Task PostAsync(string path, HttpStatusCode expected)
    {
        using var response = await Http.PostAsync(path, null);
        Assert.True(response.StatusCode == expected, $"POST {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    public static string Describe(SessionView? view) => view is null
        ? "(none)"
        : string.Join('\n', (view.Result?.Timeline ?? view.Timeline).Select(e => $"  {e.At:HH:mm:ss.fff} {e.Kind} {e.Operation} #{e.Attempt} {e.Code} {e.Message}"));

    private async Task CreateFinishedSessionAsync()
    {
        var id = await CreateSessionAsync(new SessionRequest
        {
            RoomId = FinishedRoom,
            UserId = FinishedUser,
            Key = FinishedKey,
            ChannelName = "Finished before the cases",
        });
        await PostAsync($"/api/sessions/{Uri.EscapeDataString(id)}/cancel", HttpStatusCode.Accepted);
        await WaitForSessionAsync(id, view => view.Result is not null, "finished");
    }
}

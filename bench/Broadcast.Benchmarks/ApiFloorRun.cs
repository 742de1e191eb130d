using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Broadcast.Durable;
using Broadcast.Sessions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Broadcast.Benchmarks;

/// <summary>
/// The floor under the ratio: a full session's seven HTTP exchanges with nothing durable behind them. The driver makes
/// the orchestrated run's three calls (create, user-joined, cancel, with the same bodies) to a stand-in of the host's
/// API that reads each request and answers as the host does (201 with the session's links, 202, 202), and between them
/// the plain loop's four vendor calls, at the same concurrency. What the orchestrated run takes above this one is the
/// engine, the storage, the leak ledger, the session logic, the real API's handlers and middleware, and the driver's
/// wait for completion.
/// </summary>
internal sealed class ApiFloorRun : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _http;

    private ApiFloorRun(WebApplication app)
    {
        _app = app;
        _http = ApiClient.For(app);
    }

    public static async Task<ApiFloorRun> StartAsync()
    {
        // As in the host: no appsettings watcher, which covers the working directory recursively and would read a
        // file-change event for every database write of an orchestrated run whose database lies below it.
        var builder = WebApplication.CreateSlimBuilder(["--hostBuilder:reloadConfigOnChange=false"]);
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapPost("/api/sessions", async (HttpRequest http) =>
        {
            var request = await http.ReadFromJsonAsync<SessionRequest>(DurableJson.Options)
                ?? throw new BadHttpRequestException("No session request.");
            var links = SessionLinks.For(http, Sessions.IdOf(request), created: true);
            return TypedResults.Created(links.StatusUrl, links);
        });
        app.MapPost("/api/sessions/{id}/user-joined", (HttpRequest http, string id) =>
            TypedResults.Accepted(SessionLinks.StatusUrlOf(ApiAddress.Own(http), id)));
        app.MapPost("/api/sessions/{id}/cancel", async (HttpRequest http, string id) =>
        {
            _ = await http.ReadFromJsonAsync<CancelRequest>(DurableJson.Options);
            return TypedResults.Accepted(SessionLinks.StatusUrlOf(ApiAddress.Own(http), id));
        });
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return new ApiFloorRun(app);
    }

    public async Task<RunFigures> RunAsync(InProcessHost host, PlainRun vendor, int offset, int count, int concurrency)
    {
        var meter = RunCost.Start();
        var clock = Stopwatch.StartNew();
        await Workers.RunAsync(count, concurrency, async i =>
        {
            var request = Sessions.Full("floor", offset + i);
            using (var created = await _http.PostAsJsonAsync("/api/sessions", request, DurableJson.Options))
            {
                await OrchestratedRun.ExpectAsync(created, HttpStatusCode.Created, "create (floor)");
            }

            var path = Sessions.PathOf(Sessions.IdOf(request));
            host.Simulator.State.JoinUser(request.RoomId, request.UserId);
            using (var joined = await _http.PostAsync(path + "/user-joined", null))
            {
                await OrchestratedRun.ExpectAsync(joined, HttpStatusCode.Accepted, "user-joined (floor)");
            }

            await vendor.StartAsync(request);
            using (var cancelled = await _http.PostAsJsonAsync(path + "/cancel", new { reason = "benchmark" }, DurableJson.Options))
            {
                await OrchestratedRun.ExpectAsync(cancelled, HttpStatusCode.Accepted, "cancel (floor)");
            }

            await vendor.StopAsync(request);
        });
        clock.Stop();
        return new RunFigures(count, concurrency, clock.Elapsed, []) { Cost = meter.Stop(count) };
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

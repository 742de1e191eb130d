using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using Broadcast.Ilvb.Simulator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Broadcast.BadInput.Tests;

/// <summary>
/// A loopback proxy between the host and the simulator that spoils chosen answers after the simulator acted on them:
/// the answers the simulator's own fault plan cannot give (an empty body, an HTML page, JSON of the wrong shape).
/// </summary>
public sealed class VendorProxy : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _upstream;
    private readonly ConcurrentDictionary<SimOperation, ConcurrentQueue<Mangle>> _plan = new();

    private VendorProxy(WebApplication app, HttpClient upstream, Uri baseUrl)
    {
        _app = app;
        _upstream = upstream;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    public static async Task<VendorProxy> StartAsync(Uri upstream)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var client = new HttpClient { BaseAddress = upstream, Timeout = TimeSpan.FromSeconds(30) };
        VendorProxy? proxy = null;
        app.Run(context => proxy!.ForwardAsync(context));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        proxy = new VendorProxy(app, client, new Uri(address.TrimEnd('/') + "/"));
        return proxy;
    }

    /// <summary>The next <paramref name="count"/> answers to <paramref name="operation"/> are spoiled.</summary>
    public void MangleNext(SimOperation operation, Mangle mangle, int count)
    {
        var queue = _plan.GetOrAdd(operation, _ => new ConcurrentQueue<Mangle>());
        for (var i = 0; i < count; i++)
        {
            queue.Enqueue(mangle);
        }
    }

    public void Clear() => _plan.Clear();

    public async ValueTask DisposeAsync()
    {
        _upstream.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task ForwardAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), context.Request.Path.Value!.TrimStart('/') + context.Request.QueryString)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        HttpResponseMessage response;
        string answer;
        try
        {
            response = await _upstream.SendAsync(request, context.RequestAborted);
            answer = await response.Content.ReadAsStringAsync(context.RequestAborted);
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            // The simulator dropped the connection: drop the caller's too, so the host sees what a vendor drop looks like.
            context.Abort();
            return;
        }

        using var upstreamResponse = response;

        if (OperationOf(body) is { } operation && _plan.TryGetValue(operation, out var queue) && queue.TryDequeue(out var mangle))
        {
            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.ContentType = mangle == Mangle.NotJson ? "text/html" : "application/json";
            await context.Response.WriteAsync(Spoil(mangle, answer), context.RequestAborted);
            return;
        }

        context.Response.StatusCode = (int)response.StatusCode;
        context.Response.ContentType = response.Content.Headers.ContentType?.ToString() ?? "application/json";
        await context.Response.WriteAsync(answer, context.RequestAborted);
    }

    private static string Spoil(Mangle mangle, string answer) => mangle switch
    {
        Mangle.EmptyBody => "",
        Mangle.TruncatedJson => answer[..(answer.Length / 2)],
        Mangle.NotJson => "<html><body><h1>502 Bad Gateway</h1></body></html>",
        Mangle.GarbledChannelId => GarbleChannelId(answer),
        Mangle.FractionalResult => ReplaceResult(answer, 0.5),
        Mangle.BooleanResult => ReplaceResult(answer, true),
        _ => """{"status":"ok","data":[1,2,3]}""",
    };

    private static string GarbleChannelId(string answer)
    {
        var envelope = JsonNode.Parse(answer)!;
        var packet = envelope["rspbody"]!["rsp_0x6"]!.AsObject();
        if (!packet.ContainsKey("uint64_channel_id"))
        {
            throw new InvalidOperationException($"The answer to garble has no uint64_channel_id: {answer}");
        }

        packet["uint64_channel_id"] = "channel-unreadable";
        return envelope.ToJsonString();
    }

    private static string ReplaceResult(string answer, JsonNode value)
    {
        var envelope = JsonNode.Parse(answer)!;
        var body = envelope["rspbody"]!.AsObject();
        var packet = (body["rsp_0x6"] ?? body["rsp_0x5"])?.AsObject()
            ?? throw new InvalidOperationException($"The answer has no rsp_0x6 or rsp_0x5 packet: {answer}");
        packet["uint32_result"] = value;
        return envelope.ToJsonString();
    }

    /// <summary>The operation the call's JSON names: <c>reqhead.uint32_sub_cmd</c> (6 push, 5 recording) and <c>uint32_oper</c>.</summary>
    private static SimOperation? OperationOf(string body)
    {
        try
        {
            var envelope = JsonNode.Parse(body);
            var subCommand = envelope?["reqhead"]?["uint32_sub_cmd"]?.GetValue<uint>();
            var packet = subCommand == 6 ? "req_0x6" : "req_0x5";
            var oper = envelope?["reqbody"]?[packet]?["uint32_oper"]?.GetValue<uint>();
            return (subCommand, oper) switch
            {
                (6, 1) => SimOperation.StartPush,
                (6, 2) => SimOperation.StopPush,
                (5, 1) => SimOperation.StartRecording,
                (5, 2) => SimOperation.StopRecording,
                _ => null,
            };
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }
}

using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Newtonsoft.Json.Linq;

namespace Broadcast.Ilvb.Tests;

/// <summary>
/// A loopback HTTP server whose answers a test writes by hand, for response shapes and
/// failures the simulator does not produce; it records every request it receives.
/// </summary>
internal sealed class ScriptedServer : IAsyncDisposable
{
    private readonly HttpListener _listener;
    private readonly Task _loop;

    private ScriptedServer(HttpListener listener, Uri baseUrl)
    {
        _listener = listener;
        BaseUrl = baseUrl;
        _loop = Task.Run(ServeAsync);
    }

    public Uri BaseUrl { get; }

    public ConcurrentQueue<CapturedRequest> Requests { get; } = new();

    /// <summary>The answer to each request; by default an echoing success with an empty packet.</summary>
    public Func<CapturedRequest, ScriptedReply> Reply { get; set; } = request => ScriptedReply.Success(request, new JObject());

    public static ScriptedServer Start()
    {
        for (var attempt = 0; ; attempt++)
        {
            var port = FreePort();
            var listener = new HttpListener();
            var baseUrl = new Uri($"http://127.0.0.1:{port}/");
            listener.Prefixes.Add(baseUrl.ToString());
            try
            {
                listener.Start();
                return new ScriptedServer(listener, baseUrl);
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                // Another process took the port between probe and bind: try another.
                listener.Close();
            }
        }
    }

    public static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop;
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var captured = new CapturedRequest(
                context.Request.HttpMethod, context.Request.Url!, context.Request.ContentType, await reader.ReadToEndAsync());
            Requests.Enqueue(captured);
            var reply = Reply(captured);
            context.Response.StatusCode = reply.Status;
            if (reply.Location is not null)
            {
                context.Response.RedirectLocation = reply.Location;
            }

            var bytes = Encoding.UTF8.GetBytes(reply.Body);
            context.Response.ContentType = "application/json";
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }
}

/// <summary>One request as the scripted server received it.</summary>
public sealed record CapturedRequest(string Method, Uri Url, string? ContentType, string Body)
{
    public JObject Json => JObject.Parse(Body);

    public JObject Head => (JObject)Json["reqhead"]!;

    public uint Sequence => (uint)Head["uint32_seq"]!;

    public string Cookie => (string)Head["bytes_cookie_buff"]!;

    /// <summary>The query parameters in order, decoded.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Query =>
        Url.Query.TrimStart('?').Split('&')
            .Select(pair => pair.Split('=', 2))
            .Select(parts => KeyValuePair.Create(Uri.UnescapeDataString(parts[0]), Uri.UnescapeDataString(parts.Length > 1 ? parts[1] : "")))
            .ToList();
}

/// <summary>What the scripted server answers.</summary>
public sealed record ScriptedReply(int Status, string Body, string? Location = null)
{
    /// <summary>A header echoing the request's seq and cookie, and the given <c>rspbody</c>.</summary>
    public static ScriptedReply Success(CapturedRequest request, JToken rspBody, long headResult = 0) =>
        new(200, new JObject
        {
            ["reqhead"] = new JObject
            {
                ["uint32_sub_cmd"] = request.Head["uint32_sub_cmd"],
                ["uint32_seq"] = request.Sequence,
                ["bytes_cookie_buff"] = request.Cookie,
                ["uint32_result"] = headResult,
            },
            ["rspbody"] = rspBody,
        }.ToString());
}

using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Broadcast.Ilvb.Simulator.Tests;

/// <summary>A raw HTTP caller of the simulator: plain HttpClient and JSON, no client library.</summary>
internal sealed class SimClient(Uri baseUrl, HttpMessageHandler? handler = null) : IDisposable
{
    private readonly HttpClient http = new(handler ?? new SocketsHttpHandler(), disposeHandler: true)
    {
        BaseAddress = baseUrl,
        Timeout = TimeSpan.FromSeconds(60),
    };

    public HttpClient Http => http;

    public async Task<HttpResponseMessage> PostRawAsync(string body, string? query = null, CancellationToken cancellationToken = default)
    {
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return await http.PostAsync($"v3/openim/videorelay?{query ?? Wire.Query()}", content, cancellationToken);
    }

    public async Task<Reply> SendAsync(JsonObject envelope, string? query = null, CancellationToken cancellationToken = default)
    {
        using var response = await PostRawAsync(envelope.ToJsonString(), query, cancellationToken);
        response.EnsureSuccessStatusCode();
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return new Reply(JsonNode.Parse(text)!.AsObject());
    }

    public Task<Reply> StartPushAsync(uint room, string user, uint liveCode = 1, uint[]? rates = null, uint tapeFlag = 0, uint seq = 1) =>
        SendAsync(Wire.Push(room, user, Wire.StartPushBody(liveCode, rates, tapeFlag), seq));

    public Task<Reply> StopPushAsync(uint room, string user, uint seq = 2) =>
        SendAsync(Wire.Push(room, user, Wire.StopPushBody(), seq));

    public Task<Reply> StartRecordingAsync(uint room, string user, string fileName = "session-file", uint seq = 3) =>
        SendAsync(Wire.Recording(room, user, Wire.StartRecordingBody(fileName), seq));

    public Task<Reply> StopRecordingAsync(uint room, string user, uint seq = 4) =>
        SendAsync(Wire.Recording(room, user, Wire.StopRecordingBody(), seq));

    public void Dispose() => http.Dispose();
}

using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Broadcast.Durable;

namespace Broadcast.Host.Tests;

/// <summary>Posts room events the way a video backend would: raw JSON, signed with HMAC-SHA256, without the API key.</summary>
public sealed class RoomEventSender(TestHost host, string signingKey) : IDisposable
{
    public const string SigningKey = "room-event-test-signing-key";

    private readonly HttpClient http = new() { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>The settings that turn the webhook on with <see cref="SigningKey"/>.</summary>
    public static Dictionary<string, string?> Settings() => new() { ["Webhooks:SigningKey"] = SigningKey };

    public static JsonObject Event(string eventId, string eventType, uint roomId, string userId, DateTimeOffset eventTime) => new()
    {
        ["eventId"] = eventId,
        ["eventType"] = eventType,
        ["roomId"] = roomId,
        ["userId"] = userId,
        ["eventTime"] = eventTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>The header value a sender with <paramref name="key"/> computes for <paramref name="body"/>.</summary>
    public static string Sign(string key, byte[] body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), body));

    /// <summary>Posts <paramref name="body"/> with <paramref name="signature"/> (by default: signed with the host's key; null: no header).</summary>
    public async Task<HttpResponseMessage> PostAsync(byte[] body, string? signature = "sign")
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/room-events") { Content = content };
        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Broadcast-Signature", signature == "sign" ? Sign(signingKey, body) : signature);
        }

        return await http.SendAsync(request);
    }

    public Task<HttpResponseMessage> PostAsync(JsonNode body) => PostAsync(Encoding.UTF8.GetBytes(body.ToJsonString()));

    /// <summary>Posts a signed event and returns the receipt, asserting the status.</summary>
    public async Task<RoomEventReceipt> SendAsync(JsonNode body, System.Net.HttpStatusCode expected = System.Net.HttpStatusCode.Accepted)
    {
        using var response = await PostAsync(body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"POST /api/room-events answered {(int)response.StatusCode}, not {(int)expected}: {text}");
        return JsonSerializer.Deserialize<RoomEventReceipt>(text, DurableJson.Options)!;
    }

    /// <summary>Posts a signed body that must be refused with 400 and returns the field errors.</summary>
    public async Task<IReadOnlyDictionary<string, string[]>> RefusedAsync(byte[] body)
    {
        using var response = await PostAsync(body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.BadRequest, $"expected 400, got {(int)response.StatusCode}: {text}");
        var problem = JsonSerializer.Deserialize<JsonElement>(text);
        return problem.GetProperty("errors").Deserialize<Dictionary<string, string[]>>()!;
    }

    public void Dispose() => http.Dispose();
}

using System.Text.Json;

namespace Broadcast.BadInput.Tests;

/// <summary>Reads an RFC 7807 answer into one searchable text: title, detail, and every error key and message.</summary>
public static class ProblemText
{
    public static async Task<string> ReadAsync(HttpResponseMessage response)
    {
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(mediaType == "application/problem+json",
            $"{(int)response.StatusCode} should come as application/problem+json, came as '{mediaType}': {body}");

        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        var parts = new List<string>();
        foreach (var name in (string[])["title", "detail"])
        {
            if (root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String)
            {
                parts.Add(value.GetString()!);
            }
        }

        if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object)
        {
            foreach (var error in errors.EnumerateObject())
            {
                parts.Add(error.Name);
                parts.AddRange(error.Value.EnumerateArray().Select(message => message.GetString() ?? ""));
            }
        }

        return string.Join(" | ", parts);
    }

    /// <summary>True when <paramref name="text"/> names one of the '|'-separated alternatives (case-insensitive).</summary>
    public static bool Mentions(string text, string alternatives) =>
        alternatives.Split('|').Any(word => text.Contains(word, StringComparison.OrdinalIgnoreCase));
}

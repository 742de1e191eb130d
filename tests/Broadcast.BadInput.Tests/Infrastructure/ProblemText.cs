using System.Text.Json;

namespace Broadcast.BadInput.Tests;

/// <summary>
/// Reads an RFC 7807 answer into one searchable text: title, detail, and every error key and message. The generic
/// title and detail of a 400 that lists fields are left out: they are the same for every such answer, so they name
/// nothing, and a word found in them ("id" in "valid", "key" in "each key names") would prove nothing.
/// </summary>
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
            if (root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
                && value.GetString() is not (Broadcast.Api.Problems.InvalidTitle or Broadcast.Api.Problems.InvalidDetail))
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

    /// <summary>
    /// True when <paramref name="text"/> names one of the '|'-separated alternatives (case-insensitive) where a word
    /// starts: "id" is found in "the id" or "template.id", not in "valid".
    /// </summary>
    public static bool Mentions(string text, string alternatives) =>
        alternatives.Split('|').Any(word => StartsAWord(text, word));

    private static bool StartsAWord(string text, string word)
    {
        for (var at = text.IndexOf(word, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(word, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            if (at == 0 || !char.IsLetterOrDigit(text[at - 1]) || !char.IsLetterOrDigit(word[0]))
            {
                return true;
            }
        }

        return false;
    }
}

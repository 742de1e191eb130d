using System.Text.Json;
using System.Text.RegularExpressions;
using Broadcast.Sessions;

namespace Broadcast.Host;

/// <summary>
/// Reads a room event from the raw body whose signature was checked, field by field, so every problem names its field.
/// Unknown fields are ignored: senders add their own.
/// </summary>
internal static partial class RoomEventParser
{
    /// <summary>The event, or null with <paramref name="errors"/> naming each problem (JSON path → messages).</summary>
    public static RoomEvent? Parse(ReadOnlyMemory<byte> body, out IReadOnlyDictionary<string, string[]> errors)
    {
        var problems = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var parsed = Read(body, problems);
        errors = problems.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
        return problems.Count == 0 ? parsed : null;
    }

    private static RoomEvent? Read(ReadOnlyMemory<byte> body, Dictionary<string, List<string>> problems)
    {
        if (body.IsEmpty)
        {
            Add(problems, "$", "The body is empty: send the event as a JSON object.");
            return null;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException e)
        {
            Add(problems, "$", $"The body is not valid JSON: {JsonErrors.MessageOf(e)}");
            return null;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                Add(problems, "$", $"The body must be a JSON object, not {root.ValueKind}.");
                return null;
            }

            var eventId = ReadText(root, "eventId", PresenceSignal.MaxEventIdLength, problems);
            var eventType = ReadType(root, problems);
            var roomId = ReadRoom(root, problems);
            var userId = ReadText(root, "userId", maxLength: null, problems);
            var eventTime = ReadTime(root, problems);
            if (roomId is { } room && userId is not null && !problems.ContainsKey("userId"))
            {
                foreach (var (field, messages) in SessionService.CheckAnchor(room, userId))
                {
                    problems[field] = [.. messages];
                }
            }

            return problems.Count == 0 ? new RoomEvent(eventId!, eventType!.Value, roomId!.Value, userId!, eventTime!.Value) : null;
        }
    }

    private static string? ReadText(JsonElement root, string name, int? maxLength, Dictionary<string, List<string>> problems)
    {
        if (!Find(root, name, JsonValueKind.String, "a string", problems, out var value))
        {
            return null;
        }

        var text = value.GetString()!;
        if (string.IsNullOrWhiteSpace(text))
        {
            Add(problems, name, "is required.");
        }
        else if (text.Length > maxLength)
        {
            Add(problems, name, $"must be at most {maxLength} characters (got {text.Length}).");
        }
        else if (text.Any(char.IsControl))
        {
            Add(problems, name, "must not contain control characters.");
        }

        return text;
    }

    private static RoomEventType? ReadType(JsonElement root, Dictionary<string, List<string>> problems)
    {
        if (!Find(root, "eventType", JsonValueKind.String, "a string", problems, out var value))
        {
            return null;
        }

        var text = value.GetString();
        if (string.Equals(text, "enter", StringComparison.OrdinalIgnoreCase))
        {
            return RoomEventType.Enter;
        }

        if (string.Equals(text, "exit", StringComparison.OrdinalIgnoreCase))
        {
            return RoomEventType.Exit;
        }

        Add(problems, "eventType", $"must be \"enter\" or \"exit\" (got \"{Shorten(text)}\").");
        return null;
    }

    private static uint? ReadRoom(JsonElement root, Dictionary<string, List<string>> problems)
    {
        if (!Find(root, "roomId", JsonValueKind.Number, "a number", problems, out var value))
        {
            return null;
        }

        if (!value.TryGetUInt32(out var room) || room == 0)
        {
            Add(problems, "roomId", $"must be a whole number between 1 and 4294967295 (got {Shorten(value.GetRawText())}).");
            return null;
        }

        return room;
    }

    private static DateTimeOffset? ReadTime(JsonElement root, Dictionary<string, List<string>> problems)
    {
        if (!Find(root, "eventTime", JsonValueKind.String, "a string", problems, out var value))
        {
            return null;
        }

        // Without Z or an offset the time would be read in this host's zone: refused rather than guessed.
        if (!value.TryGetDateTimeOffset(out var time) || !ExplicitOffset().IsMatch(value.GetString()!))
        {
            Add(problems, "eventTime", $"must be an ISO 8601 time with Z or an offset, e.g. 2026-03-02T07:00:00Z (got \"{Shorten(value.GetString())}\").");
            return null;
        }

        return time.ToUniversalTime();
    }

    private static bool Find(
        JsonElement root, string name, JsonValueKind kind, string kindText, Dictionary<string, List<string>> problems, out JsonElement value)
    {
        if (!root.TryGetProperty(name, out value) || value.ValueKind == JsonValueKind.Null)
        {
            Add(problems, name, "is required.");
            return false;
        }

        if (value.ValueKind != kind)
        {
            Add(problems, name, $"must be {kindText}, not {value.ValueKind}.");
            return false;
        }

        return true;
    }

    private static void Add(Dictionary<string, List<string>> problems, string field, string message)
    {
        if (!problems.TryGetValue(field, out var messages))
        {
            messages = [];
            problems[field] = messages;
        }

        messages.Add(message);
    }

    // Echoing a value helps the sender; a huge or hostile one is cut.
    private static string Shorten(string? text) =>
        text is null ? "" : new string([.. (text.Length > 40 ? text[..40] + "…" : text).Select(c => char.IsControl(c) ? '?' : c)]);

    [GeneratedRegex(@"(Z|z|[+-]\d{2}:?\d{2})$")]
    private static partial Regex ExplicitOffset();
}

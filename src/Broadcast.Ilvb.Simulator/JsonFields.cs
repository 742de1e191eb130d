using System.Text.Json;
using System.Text.Json.Nodes;

namespace Broadcast.Ilvb.Simulator;

/// <summary>
/// Strict readers for wire fields: a number sent as a string, a fraction or a value outside the
/// unsigned 32-bit range is invalid, so client serialization bugs surface as error codes.
/// </summary>
internal static class JsonFields
{
    public static FieldState UInt32(JsonObject obj, string name, out uint value)
    {
        value = 0;
        if (!obj.TryGetPropertyValue(name, out var node) || node is null)
        {
            return FieldState.Missing;
        }

        return node is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue(out value)
            ? FieldState.Present
            : FieldState.Invalid;
    }

    public static FieldState String(JsonObject obj, string name, out string value)
    {
        value = string.Empty;
        if (!obj.TryGetPropertyValue(name, out var node) || node is null)
        {
            return FieldState.Missing;
        }

        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.TryGetValue(out string? s))
        {
            value = s;
            return FieldState.Present;
        }

        return FieldState.Invalid;
    }

    public static FieldState UInt32Array(JsonObject obj, string name, out IReadOnlyList<uint> values)
    {
        values = [];
        if (!obj.TryGetPropertyValue(name, out var node) || node is null)
        {
            return FieldState.Missing;
        }

        if (node is not JsonArray array)
        {
            return FieldState.Invalid;
        }

        var list = new List<uint>(array.Count);
        foreach (var item in array)
        {
            if (item is not JsonValue v || v.GetValueKind() != JsonValueKind.Number || !v.TryGetValue(out uint n))
            {
                return FieldState.Invalid;
            }

            list.Add(n);
        }

        values = list;
        return FieldState.Present;
    }

    public static FieldState StringArray(JsonObject obj, string name, out IReadOnlyList<string> values)
    {
        values = [];
        if (!obj.TryGetPropertyValue(name, out var node) || node is null)
        {
            return FieldState.Missing;
        }

        if (node is not JsonArray array)
        {
            return FieldState.Invalid;
        }

        var list = new List<string>(array.Count);
        foreach (var item in array)
        {
            if (item is not JsonValue v || v.GetValueKind() != JsonValueKind.String || !v.TryGetValue(out string? s))
            {
                return FieldState.Invalid;
            }

            list.Add(s);
        }

        values = list;
        return FieldState.Present;
    }

    public static JsonObject? Object(JsonObject? obj, string name) =>
        obj is not null && obj.TryGetPropertyValue(name, out var node) ? node as JsonObject : null;
}

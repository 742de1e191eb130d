using System.Text.Json;

namespace Broadcast.Api;

/// <summary>Names a JSON reading error the way validation errors name fields, for HTTP bodies and queue messages alike.</summary>
public static class JsonErrors
{
    /// <summary><c>$.recording.mode</c> → <c>recording.mode</c>; the whole document stays <c>$</c>.</summary>
    public static string FieldOf(string? jsonPath) =>
        string.IsNullOrEmpty(jsonPath) || jsonPath == "$" ? "$"
        : jsonPath.StartsWith("$.", StringComparison.Ordinal) ? jsonPath[2..]
        : jsonPath;

    /// <summary>The message without System.Text.Json's " Path: … | LineNumber: … " tail: the field is already the key.</summary>
    public static string MessageOf(JsonException exception)
    {
        var message = exception.Message;
        var at = message.IndexOf(" Path: ", StringComparison.Ordinal);
        return at < 0 ? message : message[..at];
    }
}

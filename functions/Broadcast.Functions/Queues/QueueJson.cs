using System.Text.Json;

namespace Broadcast.Functions;

/// <summary>Reads queue messages with the HTTP API's JSON rules, naming the JSON path that failed.</summary>
internal static class QueueJson
{
    public static T Parse<T>(string message, JsonSerializerOptions options)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(message, options)
                ?? throw new QueueMessageNotHandledException($"The message is JSON null, not a {typeof(T).Name}.");
        }
        catch (JsonException e)
        {
            var path = string.IsNullOrEmpty(e.Path) ? "$" : e.Path;
            throw new QueueMessageNotHandledException($"The message is not a valid {typeof(T).Name} in JSON: at '{path}': {e.Message.Split(" Path: ", 2)[0]}", e);
        }
    }

    public static string Describe(IReadOnlyDictionary<string, string[]> errors) =>
        string.Join("; ", errors.Select(error => $"{error.Key}: {string.Join(" ", error.Value)}"));
}

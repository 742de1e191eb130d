using System.Text.Json;
using System.Text.Json.Serialization;

namespace Broadcast.Durable;

/// <summary>The one place where inputs, outputs, events and statuses are turned into JSON and back.</summary>
public static class DurableJson
{
    /// <summary>The serializer options: web naming, enums as strings.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>Serializes a value; null stays null.</summary>
    public static string? Serialize(object? value) =>
        value is null ? null : JsonSerializer.Serialize(value, value.GetType(), Options);

    /// <summary>Deserializes a value; null or empty text gives the default.</summary>
    public static T? Deserialize<T>(string? json) =>
        string.IsNullOrEmpty(json) ? default : JsonSerializer.Deserialize<T>(json, Options);

    /// <summary>Deserializes a value of a runtime type.</summary>
    public static object? Deserialize(string? json, Type type) =>
        string.IsNullOrEmpty(json) ? null : JsonSerializer.Deserialize(json, type, Options);

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.Converters.Add(new JsonStringEnumConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}

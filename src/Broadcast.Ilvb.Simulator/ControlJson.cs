using System.Text.Json;
using System.Text.Json.Serialization;

namespace Broadcast.Ilvb.Simulator;

/// <summary>
/// The control API's JSON settings: camelCase, enums as names (numbers accepted on input).
/// Fixed here rather than taken from the host, so the API looks the same wherever it is mapped.
/// </summary>
public static class ControlJson
{
    /// <summary>The serializer options of every control API request and response.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.Converters.Add(new JsonStringEnumConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}

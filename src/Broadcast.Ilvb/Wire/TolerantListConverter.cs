using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Broadcast.Ilvb.Wire;

/// <summary>
/// Reads a repeated field however the vendor spells it: a JSON array, a single value, or a
/// string that holds JSON (the seed shows <c>"msg_live_url":"[xxx]"</c>). Writes an array.
/// </summary>
internal sealed class TolerantListConverter<T> : JsonConverter<IReadOnlyList<T>?>
{
    public override IReadOnlyList<T>? ReadJson(
        JsonReader reader, Type objectType, IReadOnlyList<T>? existingValue, bool hasExistingValue, JsonSerializer serializer) =>
        ToList(JToken.Load(reader), serializer);

    public override void WriteJson(JsonWriter writer, IReadOnlyList<T>? value, JsonSerializer serializer)
    {
        if (value is null)
        {
            writer.WriteNull();
            return;
        }

        writer.WriteStartArray();
        foreach (var item in value)
        {
            serializer.Serialize(writer, item);
        }

        writer.WriteEndArray();
    }

    private static List<T>? ToList(JToken token, JsonSerializer serializer)
    {
        switch (token.Type)
        {
            case JTokenType.Null or JTokenType.Undefined:
                return null;
            case JTokenType.Array:
                return token.Children()
                    .Where(item => item.Type is not (JTokenType.Null or JTokenType.Undefined))
                    .Select(item => ToItem(item!, serializer))
                    .ToList();
            case JTokenType.String:
                var text = (token.Value<string>() ?? "").Trim();
                if (text.Length == 0)
                {
                    return [];
                }

                // A string list's item may be any text; only a JSON array in a string is unwrapped for it.
                var holdsJson = text[0] == '[' || (text[0] == '{' && typeof(T) != typeof(string));
                if (holdsJson)
                {
                    return ToList(VideoRelayJson.TrimNames(JToken.Parse(text)), serializer);
                }

                return [ToItem(token, serializer)];
            default:
                return [ToItem(token, serializer)];
        }
    }

    private static T ToItem(JToken token, JsonSerializer serializer) =>
        token.ToObject<T>(serializer) ?? throw new JsonSerializationException($"A list item of type {typeof(T).Name} is empty.");
}

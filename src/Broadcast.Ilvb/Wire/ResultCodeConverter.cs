using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Broadcast.Ilvb.Wire;

/// <summary>
/// Reads a <c>uint32_result</c> strictly: a whole number, or text that holds one (the vendor writes numbers as text
/// too). Null and empty text read as absent (protobuf JSON leaves a default 0 out). Anything else is an error, never a
/// code: the default conversions would read 0.5 as 0 (success) and true as 1.
/// </summary>
internal sealed class ResultCodeConverter : JsonConverter<long?>
{
    public override long? ReadJson(JsonReader reader, Type objectType, long? existingValue, bool hasExistingValue, JsonSerializer serializer)
    {
        var token = JToken.Load(reader);
        return token.Type switch
        {
            JTokenType.Null or JTokenType.Undefined => null,
            JTokenType.Integer when ((JValue)token).Value is not System.Numerics.BigInteger => token.Value<long>(),
            JTokenType.Float when token.Value<double>() is var number && double.IsInteger(number) && Math.Abs(number) <= uint.MaxValue => (long)number,
            JTokenType.String => FromText(token.Value<string>()!.Trim()),
            JTokenType.Integer or JTokenType.Float => throw new JsonSerializationException($"uint32_result {Shown(token)} is no whole number in range."),
            _ => throw new JsonSerializationException($"uint32_result is a JSON {token.Type} ({Shown(token)}), not a whole number."),
        };
    }

    public override void WriteJson(JsonWriter writer, long? value, JsonSerializer serializer)
    {
        if (value is { } code)
        {
            writer.WriteValue(code);
        }
        else
        {
            writer.WriteNull();
        }
    }

    private static long? FromText(string text)
    {
        if (text.Length == 0)
        {
            return null;
        }

        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var code)
            ? code
            : throw new JsonSerializationException($"uint32_result is the text {Shown(text)}, not a whole number.");
    }

    // The value is the vendor's, not a secret; shortened so a huge member cannot flood a log.
    private static string Shown(JToken token) => token.Type switch
    {
        JTokenType.Object or JTokenType.Array => token.Type.ToString().ToLowerInvariant(),
        JTokenType.String => Shown(token.Value<string>()!),
        _ => Shown(token.ToString(Formatting.None)),
    };

    private static string Shown(string text) => JsonConvert.ToString(text.Length <= 40 ? text : text[..40] + "…");
}

using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Broadcast.Ilvb.Wire;

/// <summary>
/// Writes requests and reads responses the way the vendor speaks: null members left out;
/// unknown members ignored, numbers accepted as strings, member names compared after trimming
/// (the seed's <c>"RateType "</c>), <c>rspbody</c> with or without its <c>rsp_0x…</c> wrapper.
/// </summary>
public static class VideoRelayJson
{
    private const int MaxDepth = 32;

    private const string ResultMember = "uint32_result";

    private static readonly JsonLoadSettings LoadSettings = new()
    {
        CommentHandling = CommentHandling.Ignore,
        LineInfoHandling = LineInfoHandling.Ignore,
        DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Replace,
    };

    internal static JsonSerializerSettings Settings { get; } = new()
    {
        NullValueHandling = NullValueHandling.Ignore,
        MissingMemberHandling = MissingMemberHandling.Ignore,
        DateParseHandling = DateParseHandling.None,
        MaxDepth = MaxDepth,
    };

    internal static JsonSerializer Serializer { get; } = JsonSerializer.Create(Settings);

    /// <summary>Serializes a request envelope (compact; null members left out).</summary>
    public static string Serialize(VideoRelayRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return JsonConvert.SerializeObject(request, Formatting.None, Settings);
    }

    /// <summary>Parses a response envelope.</summary>
    /// <exception cref="JsonException">The text is empty, not JSON, truncated, or not an object.</exception>
    public static VideoRelayResponse ParseResponse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (string.IsNullOrWhiteSpace(json))
        {
            throw new JsonReaderException("The response body is empty.");
        }

        using var reader = new JsonTextReader(new StringReader(json))
        {
            DateParseHandling = DateParseHandling.None,
            MaxDepth = MaxDepth,
        };
        var root = JToken.ReadFrom(reader, LoadSettings);
        while (reader.Read())
        {
            if (reader.TokenType != JsonToken.Comment)
            {
                throw new JsonReaderException("The response body has content after its JSON object.");
            }
        }

        if (root is not JObject)
        {
            throw new JsonSerializationException($"The response body is a JSON {root.Type}, not an object.");
        }

        return TrimNames(root).ToObject<VideoRelayResponse>(Serializer)
            ?? throw new JsonSerializationException("The response body is empty.");
    }

    /// <summary>
    /// Reads the packet of a response body, accepting both <c>{"rsp_0x6": {…}}</c> and the
    /// packet's members directly inside <c>rspbody</c>.
    /// </summary>
    /// <param name="rspBody">The raw <c>rspbody</c>.</param>
    /// <param name="packetName">The wrapper's name, <c>rsp_0x6</c> or <c>rsp_0x5</c>.</param>
    /// <exception cref="JsonException">The body holds another packet, or a member has the wrong type.</exception>
    /// <param name="unreadable">
    /// When given, a member other than <c>uint32_result</c> that cannot be read (a text where a number belongs, say) is
    /// left out and its name added here, instead of failing the whole body: a success whose optional extra is garbled is
    /// still a success. Without it, any such member fails the read.
    /// </param>
    public static T ReadBody<T>(JObject rspBody, string packetName, ICollection<string>? unreadable = null)
        where T : VideoRelayResponseBody
    {
        ArgumentNullException.ThrowIfNull(rspBody);
        ArgumentException.ThrowIfNullOrEmpty(packetName);
        if (rspBody.TryGetValue(packetName, StringComparison.OrdinalIgnoreCase, out var wrapped))
        {
            if (wrapped is not JObject packet)
            {
                throw new JsonSerializationException($"rspbody.{packetName} is a JSON {wrapped.Type}, not an object.");
            }

            return ReadPacket<T>(packet, unreadable) ?? throw new JsonSerializationException($"rspbody.{packetName} is empty.");
        }

        // A different packet must not be read as ours: its missing uint32_result would look like success.
        var other = rspBody.Properties().FirstOrDefault(p => p.Name.StartsWith("rsp_0x", StringComparison.OrdinalIgnoreCase));
        if (other is not null)
        {
            throw new JsonSerializationException($"rspbody holds {other.Name}, expected {packetName}.");
        }

        return ReadPacket<T>(rspBody, unreadable) ?? throw new JsonSerializationException("rspbody is empty.");
    }

    private static T? ReadPacket<T>(JObject packet, ICollection<string>? unreadable)
    {
        try
        {
            return packet.ToObject<T>(Serializer);
        }
        catch (JsonException) when (unreadable is not null)
        {
            // Read again, now passing over the members that fail, except the result: its absence would read as success.
            var skipped = new List<string>();
            var tolerant = JsonSerializer.Create(Settings);
            tolerant.Error += (_, e) =>
            {
                if (e.CurrentObject == e.ErrorContext.OriginalObject && e.ErrorContext.Member is string member
                    && !string.Equals(member, ResultMember, StringComparison.OrdinalIgnoreCase))
                {
                    skipped.Add(member);
                    e.ErrorContext.Handled = true;
                }
            };
            var body = packet.ToObject<T>(tolerant);
            foreach (var path in skipped.Distinct(StringComparer.Ordinal))
            {
                unreadable.Add(path);
            }

            return body;
        }
    }

    /// <summary>Trims every member name (recursively); an exact name wins over a trimmed duplicate.</summary>
    internal static JToken TrimNames(JToken token)
    {
        switch (token)
        {
            case JObject obj:
                foreach (var property in obj.Properties().ToList())
                {
                    TrimNames(property.Value);
                    var trimmed = property.Name.Trim();
                    if (trimmed.Length == property.Name.Length)
                    {
                        continue;
                    }

                    property.Remove();
                    if (!obj.ContainsKey(trimmed))
                    {
                        obj.Add(trimmed, property.Value);
                    }
                }

                break;
            case JArray array:
                foreach (var item in array)
                {
                    TrimNames(item);
                }

                break;
        }

        return token;
    }
}

using Newtonsoft.Json;

namespace Broadcast.Ilvb.Wire;

/// <summary><c>req_0x5</c>: start or end a recording.</summary>
public sealed record Req0x5
{
    /// <summary><c>uint32_oper</c>: 1 start, 2 end.</summary>
    [JsonProperty("uint32_oper")]
    public uint? Oper { get; init; }

    /// <summary><c>string_file_name</c>.</summary>
    [JsonProperty("string_file_name")]
    public string? FileName { get; init; }

    /// <summary><c>string_tags</c>.</summary>
    [JsonProperty("string_tags")]
    [JsonConverter(typeof(TolerantListConverter<string>))]
    public IReadOnlyList<string>? Tags { get; init; }

    /// <summary><c>uint32_classid</c>.</summary>
    [JsonProperty("uint32_classid")]
    public uint? ClassId { get; init; }

    /// <summary><c>uint32_IsTransCode</c>.</summary>
    [JsonProperty("uint32_IsTransCode")]
    public uint? IsTransCode { get; init; }

    /// <summary><c>uint32_IsScreenShot</c>.</summary>
    [JsonProperty("uint32_IsScreenShot")]
    public uint? IsScreenShot { get; init; }

    /// <summary><c>uint32_IsWaterMark</c>.</summary>
    [JsonProperty("uint32_IsWaterMark")]
    public uint? IsWaterMark { get; init; }

    /// <summary><c>uint32_sdk_type</c>: 1 normal SDK, 2 IoT camera.</summary>
    [JsonProperty("uint32_sdk_type")]
    public uint? SdkType { get; init; }

    /// <summary><c>uint32_record_data_type</c>: 0 camera, 1 screen.</summary>
    [JsonProperty("uint32_record_data_type")]
    public uint? RecordDataType { get; init; }
}

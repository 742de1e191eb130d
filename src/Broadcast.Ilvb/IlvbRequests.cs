using Broadcast.Ilvb.Wire;

namespace Broadcast.Ilvb;

/// <summary>
/// Checks typed requests against the seed's "Required" columns and value ranges, and turns them
/// into wire packets. Each failure is an <see cref="ArgumentException"/> naming the field.
/// </summary>
internal static class IlvbRequests
{
    private const uint OperStart = 1;
    private const uint OperEnd = 2;

    public static Req0x6 StartPush(StartPushRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        CheckTarget(request.Target);
        Required(request.ChannelName, "ChannelName", "str_channel_name");
        NotNull(request.ChannelDescription, "ChannelDescription", "str_channel_describe");
        NotNull(request.PlayerPassword, "PlayerPassword", "str_player_pwd");
        var bitrates = request.Bitrates ?? throw Invalid("Bitrates", "rpt_rate_type", "must not be null (leave it empty for the original bitrate)");
        foreach (var bitrate in bitrates)
        {
            Defined(bitrate, "Bitrates", "rpt_rate_type");
        }

        if (bitrates.Distinct().Count() != bitrates.Count)
        {
            throw Invalid("Bitrates", "rpt_rate_type", "names a bitrate more than once");
        }

        return new Req0x6
        {
            Oper = OperStart,
            LiveCode = (uint)Defined(request.LiveCode, "LiveCode", "uint32_live_code"),
            SdkType = (uint)Defined(request.SdkType, "SdkType", "uint32_sdk_type"),
            ChannelName = request.ChannelName,
            ChannelDescribe = request.ChannelDescription,
            PlayerPassword = request.PlayerPassword,
            PushDataType = (uint)Defined(request.Source, "Source", "uint32_push_data_type"),
            TapeFlag = Flag(request.Tape),
            WatermarkFlag = request.Watermark is { } watermark ? Flag(watermark) : null,
            WatermarkId = request.WatermarkId,
            RateTypes = bitrates.Count == 0 ? null : bitrates.Select(b => (uint)b).ToList(),
        };
    }

    public static Req0x6 StopPush(StopPushRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        CheckTarget(request.Target);
        return new Req0x6
        {
            Oper = OperEnd,
            SdkType = (uint)Defined(request.SdkType, "SdkType", "uint32_sdk_type"),
            PushDataType = (uint)Defined(request.Source, "Source", "uint32_push_data_type"),
        };
    }

    public static Req0x5 StartRecording(StartRecordingRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        CheckTarget(request.Target);
        Required(request.FileName, "FileName", "string_file_name");
        var tags = request.Tags ?? throw Invalid("Tags", "string_tags", "must not be null (leave it empty for none)");
        if (tags.Any(string.IsNullOrWhiteSpace))
        {
            throw Invalid("Tags", "string_tags", "must not contain an empty tag");
        }

        return new Req0x5
        {
            Oper = OperStart,
            FileName = request.FileName,
            Tags = tags.Count == 0 ? null : tags.ToList(),
            ClassId = request.ClassId,
            IsTransCode = request.Transcode is { } transcode ? Flag(transcode) : null,
            IsScreenShot = request.Screenshot is { } screenshot ? Flag(screenshot) : null,
            IsWaterMark = request.Watermark is { } watermark ? Flag(watermark) : null,
            SdkType = (uint)Defined(request.SdkType, "SdkType", "uint32_sdk_type"),
            RecordDataType = (uint)Defined(request.Source, "Source", "uint32_record_data_type"),
        };
    }

    public static Req0x5 StopRecording(StopRecordingRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        CheckTarget(request.Target);
        return new Req0x5
        {
            Oper = OperEnd,
            SdkType = (uint)Defined(request.SdkType, "SdkType", "uint32_sdk_type"),
            RecordDataType = (uint)Defined(request.Source, "Source", "uint32_record_data_type"),
        };
    }

    private static void CheckTarget(StreamTarget? target)
    {
        if (target is null)
        {
            throw Invalid("Target", "uint32_auth_key/rpt_to_Account", "is required");
        }

        if (target.RoomId == 0)
        {
            throw Invalid("Target.RoomId", "uint32_auth_key", "must be a room number from 1 to 4294967295");
        }

        if (string.IsNullOrWhiteSpace(target.UserId))
        {
            throw Invalid("Target.UserId", "rpt_to_Account", "is required and must not be blank");
        }

        if (target.UserId.Any(char.IsControl))
        {
            throw Invalid("Target.UserId", "rpt_to_Account", "must not contain control characters");
        }
    }

    private static void Required(string? value, string field, string wireName)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw Invalid(field, wireName, "is required and must not be blank");
        }
    }

    private static void NotNull(string? value, string field, string wireName)
    {
        if (value is null)
        {
            throw Invalid(field, wireName, "is required (it may be empty, not null)");
        }
    }

    private static T Defined<T>(T value, string field, string wireName)
        where T : struct, Enum =>
        Enum.IsDefined(value) ? value : throw Invalid(field, wireName, $"has no meaning for value {value}");

    private static uint Flag(bool value) => value ? 1u : 0u;

    private static ArgumentException Invalid(string field, string wireName, string problem) =>
        new($"{field} ({wireName}) {problem}.", "request." + field);
}

using Broadcast.Ilvb;

namespace Broadcast.Sessions;

/// <summary>Checks a <see cref="SessionRequest"/> field by field and collects every problem.</summary>
internal static class SessionRequestValidator
{
    public const int MaxUserIdLength = 32;
    public const int MaxKeyLength = 64;
    public const int MaxChannelNameLength = 200;
    public const int MaxDescriptionLength = 1000;
    public const int MaxPasswordLength = 64;
    public const int MaxFileNameLength = 200;
    public const int MaxTags = 20;
    public const int MaxTagLength = 64;
    public const string UserIdExtraCharacters = "_-.@";
    public const string KeyExtraCharacters = "_-.";
    public static readonly TimeSpan MinJoinTimeout = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan MaxJoinTimeout = TimeSpan.FromHours(24);
    public static readonly TimeSpan MinMaxDuration = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan MaxMaxDuration = TimeSpan.FromDays(7);
    public static readonly TimeSpan MinLeaveGrace = TimeSpan.Zero;
    public static readonly TimeSpan MaxLeaveGrace = TimeSpan.FromHours(24);
    public static readonly TimeSpan MaxStartAhead = TimeSpan.FromDays(366);

    /// <summary>
    /// Checks <paramref name="request"/> with the configured <paramref name="options"/> (overrides are checked
    /// as merged into them). A <paramref name="template"/> (of a schedule) must leave key and startAt out.
    /// </summary>
    public static void Validate(
        SessionRequest? request, SessionOptions options, DateTimeOffset now, string prefix, bool template, ValidationErrors errors)
    {
        if (request is null)
        {
            errors.Add(prefix.Length == 0 ? "body" : prefix, "is required.");
            return;
        }

        string P(string name) => ValidationErrors.Join(prefix, name);

        if (request.RoomId == 0)
        {
            errors.Add(P("roomId"), "is required and must be between 1 and 4294967295.");
        }

        TextRules.Identifier(request.UserId, MaxUserIdLength, UserIdExtraCharacters, P("userId"), errors);
        ValidateKeyAndStart(request, now, template, P, errors);
        TextRules.Required(request.ChannelName, MaxChannelNameLength, P("channelName"), errors);
        TextRules.Bounded(request.ChannelDescription, MaxDescriptionLength, P("channelDescription"), errors);
        TextRules.Bounded(request.PlayerPassword, MaxPasswordLength, P("playerPassword"), errors);
        Defined(request.LiveCode, P("liveCode"), errors);
        Defined(request.SdkType, P("sdkType"), errors);
        Defined(request.Source, P("source"), errors);
        ValidateBitrates(request.Bitrates, P("bitrates"), errors);

        if (request.Watermark is { Enabled: false, Id: not null })
        {
            errors.Add(P("watermark.id"), "is only used when watermark.enabled is true.");
        }

        ValidateRecording(request.Recording, P("recording"), errors);
        TextRules.Duration(request.JoinTimeout, MinJoinTimeout, MaxJoinTimeout, P("joinTimeout"), errors);
        TextRules.Duration(request.MaxDuration, MinMaxDuration, MaxMaxDuration, P("maxDuration"), errors);
        TextRules.Duration(request.LeaveGrace, MinLeaveGrace, MaxLeaveGrace, P("leaveGrace"), errors);
        RetryScheduleRules.Validate(options.StartRetry.With(request.Retry?.Start), n => P("retry.start." + n), errors);
        RetryScheduleRules.Validate(options.StopRetry.With(request.Retry?.Stop), n => P("retry.stop." + n), errors);
    }

    private static void ValidateKeyAndStart(
        SessionRequest request, DateTimeOffset now, bool template, Func<string, string> path, ValidationErrors errors)
    {
        if (template)
        {
            if (request.Key is not null)
            {
                errors.Add(path("key"), "must not be set in a schedule's template: each occurrence gets its own key.");
            }

            if (request.StartAt is not null)
            {
                errors.Add(path("startAt"), "must not be set in a schedule's template: the schedule decides when sessions start.");
            }

            return;
        }

        if (request.Key is not null)
        {
            TextRules.Identifier(request.Key, MaxKeyLength, KeyExtraCharacters, path("key"), errors);
        }

        if (request.StartAt is { } startAt && startAt > now + MaxStartAhead)
        {
            errors.Add(path("startAt"), $"must be at most {MaxStartAhead.TotalDays:0} days ahead.");
        }
    }

    private static void ValidateBitrates(IReadOnlyList<Bitrate>? bitrates, string path, ValidationErrors errors)
    {
        if (bitrates is null)
        {
            return;
        }

        for (var i = 0; i < bitrates.Count; i++)
        {
            Defined(bitrates[i], $"{path}[{i}]", errors);
        }

        if (bitrates.Distinct().Count() != bitrates.Count)
        {
            errors.Add(path, "must not repeat a bitrate.");
        }
    }

    private static void ValidateRecording(RecordingSettings? recording, string prefix, ValidationErrors errors)
    {
        if (recording is null)
        {
            return;
        }

        string P(string name) => ValidationErrors.Join(prefix, name);

        if (!Enum.IsDefined(recording.Mode))
        {
            errors.Add(P("mode"), "must be one of None, Tape, Separate.");
            return;
        }

        if (recording.Mode == RecordingMode.None)
        {
            return;
        }

        TextRules.Required(recording.FileName, MaxFileNameLength, P("fileName"), errors);
        if (recording.Mode == RecordingMode.Tape)
        {
            // These are 0x5 fields: a tape recording is a flag of the push and cannot carry them.
            var separateOnly = new (string Name, bool Set)[]
            {
                ("tags", recording.Tags is { Count: > 0 }), ("classId", recording.ClassId is not null),
                ("transcode", recording.Transcode is not null), ("screenshot", recording.Screenshot is not null),
                ("watermark", recording.Watermark is not null),
            };
            foreach (var (name, _) in separateOnly.Where(f => f.Set))
            {
                errors.Add(P(name), "is only used with mode Separate.");
            }

            return;
        }

        ValidateTags(recording.Tags, P("tags"), errors);
    }

    private static void ValidateTags(IReadOnlyList<string>? tags, string path, ValidationErrors errors)
    {
        if (tags is null)
        {
            return;
        }

        if (tags.Count > MaxTags)
        {
            errors.Add(path, $"must have at most {MaxTags} tags (got {tags.Count}).");
        }

        for (var i = 0; i < tags.Count; i++)
        {
            TextRules.Required(tags[i], MaxTagLength, $"{path}[{i}]", errors);
        }
    }

    private static void Defined<T>(T value, string path, ValidationErrors errors) where T : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            errors.Add(path, $"must be one of {string.Join(", ", Enum.GetNames<T>())}.");
        }
    }
}

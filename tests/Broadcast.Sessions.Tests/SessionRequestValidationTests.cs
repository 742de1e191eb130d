namespace Broadcast.Sessions.Tests;

/// <summary>Each rule of a session request, checked without an engine.</summary>
public sealed class SessionRequestValidationTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 7, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ValidRequest_HasNoErrors()
    {
        Assert.Empty(Validate(TestRequests.Session(42, "anchor_1.a-b@x", key: "k-1.2_3").WithRecording(RecordingMode.Separate)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("has:colon")]
    [InlineData("has space")]
    [InlineData("ünicode")]
    [InlineData("a-user-id-that-is-longer-than-32c")]
    public void UserId_OutsideTheAlphabetOrTooLong_IsNamed(string userId)
    {
        Assert.Contains("userId", Validate(TestRequests.Session(42) with { UserId = userId }).Keys);
    }

    [Fact]
    public void Texts_AreBounded()
    {
        var errors = Validate(TestRequests.Session(42) with
        {
            ChannelName = new string('c', 201),
            ChannelDescription = new string('d', 1001),
            PlayerPassword = "pass\u0001word",
            Key = "no/slash",
        });

        Assert.Equal(["channelDescription", "channelName", "key", "playerPassword"], errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Enums_OutsideTheirValues_AreNamedWithTheAllowedOnes()
    {
        var errors = Validate(TestRequests.Session(42) with
        {
            LiveCode = (Ilvb.LiveCode)3,
            SdkType = (Ilvb.SdkType)9,
            Source = (Ilvb.DataSource)7,
            Bitrates = [(Ilvb.Bitrate)15],
            Recording = new RecordingSettings { Mode = (RecordingMode)9 },
        });

        Assert.Equal(["bitrates[0]", "liveCode", "recording.mode", "sdkType", "source"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("HlsAndRtmp", errors["liveCode"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void TapeRecording_RefusesTheSeparateRecordingFields()
    {
        var errors = Validate(TestRequests.Session(42) with
        {
            Recording = new RecordingSettings { Mode = RecordingMode.Tape, FileName = "f", Tags = ["a"], ClassId = 3, Transcode = true },
        });

        Assert.Equal(["recording.classId", "recording.tags", "recording.transcode"], errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void SeparateRecording_ChecksFileNameAndTags()
    {
        var errors = Validate(TestRequests.Session(42) with
        {
            Recording = new RecordingSettings { Mode = RecordingMode.Separate, FileName = " ", Tags = ["ok", ""] },
        });

        Assert.Equal(["recording.fileName", "recording.tags[1]"], errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Durations_AndStartAt_AreBounded()
    {
        var errors = Validate(TestRequests.Session(42) with
        {
            JoinTimeout = TimeSpan.FromMilliseconds(500),
            MaxDuration = TimeSpan.FromDays(8),
            StartAt = Now.AddYears(2),
        });

        Assert.Equal(["joinTimeout", "maxDuration", "startAt"], errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Watermark_IdWithoutEnabled_IsNamed()
    {
        Assert.Equal(["watermark.id"], Validate(TestRequests.Session(42) with { Watermark = new WatermarkSettings(false, 3) }).Keys);
    }

    [Fact]
    public void RetryOverrides_AreCheckedAsMergedIntoTheConfiguration()
    {
        var errors = Validate(TestRequests.Session(42) with
        {
            Retry = new SessionRetryOverrides
            {
                Start = new RetryOverride { FirstDelay = TimeSpan.FromMinutes(2), Backoff = 0.5, JitterFactor = 1 },
                Stop = new RetryOverride { GiveUpAfter = TimeSpan.FromDays(30) },
            },
        });

        // A first delay of 2 min is above the configured 60 s cap, so maxDelay is named too.
        Assert.Equal(
            ["retry.start.backoff", "retry.start.jitterFactor", "retry.start.maxDelay", "retry.stop.giveUpAfter"],
            errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Template_MustLeaveKeyAndStartAtOut()
    {
        var errors = new ValidationErrors();
        SessionRequestValidator.Validate(
            TestRequests.Session(42, key: "k") with { StartAt = Now }, new SessionOptions(), Now, "template", template: true, errors);

        Assert.Equal(["template.key", "template.startAt"], errors.ToDictionary().Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Options_Defaults_AreValid_AndBadSettingsAreNamed()
    {
        var validator = new SessionOptionsValidator();
        var bad = new SessionOptions
        {
            DefaultJoinTimeout = TimeSpan.Zero,
            StopRetry = new RetrySchedule { MaxAttempts = null, GiveUpAfter = null },
        };

        Assert.True(validator.Validate(null, new SessionOptions()).Succeeded);
        var failures = validator.Validate(null, bad).Failures!;
        Assert.Contains(failures, f => f.StartsWith("Sessions:DefaultJoinTimeout", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Sessions:StopRetry:MaxAttempts", StringComparison.Ordinal));
    }

    private static IReadOnlyDictionary<string, string[]> Validate(SessionRequest request)
    {
        var errors = new ValidationErrors();
        SessionRequestValidator.Validate(request, new SessionOptions(), Now, "", template: false, errors);
        return errors.ToDictionary();
    }
}

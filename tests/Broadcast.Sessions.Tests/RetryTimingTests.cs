namespace Broadcast.Sessions.Tests;

/// <summary>Backoff, cap and the replay-stable jitter of retry waits; ids and cron occurrences.</summary>
public sealed class RetryTimingTests
{
    [Fact]
    public void Delays_GrowByTheBackoffUpToTheCap()
    {
        var schedule = new RetrySchedule { FirstDelay = TimeSpan.FromSeconds(2), Backoff = 2, MaxDelay = TimeSpan.FromSeconds(60), JitterFactor = 0 };

        Assert.Equal([2, 4, 8, 16, 32, 60, 60], Enumerable.Range(2, 7).Select(n => RetryTiming.DelayBefore(schedule, "i", "op", n).TotalSeconds));
    }

    [Fact]
    public void Jitter_StaysWithinItsFactor_AndIsTheSameOnEveryReplay()
    {
        var schedule = new RetrySchedule { FirstDelay = TimeSpan.FromSeconds(10), Backoff = 1, MaxDelay = TimeSpan.FromSeconds(10), JitterFactor = 0.2 };

        var delays = Enumerable.Range(0, 200).Select(i => RetryTiming.DelayBefore(schedule, $"session-{i}", "StartPush", 2)).ToList();

        Assert.All(delays, d => Assert.InRange(d.TotalSeconds, 8, 12));
        Assert.True(delays.Distinct().Count() > 150, "the jitter must spread instances apart");
        Assert.Equal(delays, Enumerable.Range(0, 200).Select(i => RetryTiming.DelayBefore(schedule, $"session-{i}", "StartPush", 2)));
    }

    [Fact]
    public void Overrides_ReplaceOnlyTheMembersTheySet()
    {
        var schedule = new SessionOptions().StopRetry.With(new RetryOverride { MaxAttempts = 3 });

        Assert.Equal(3, schedule.MaxAttempts);
        Assert.Equal(TimeSpan.FromHours(24), schedule.GiveUpAfter);
        Assert.Equal(TimeSpan.FromMinutes(5), schedule.MaxDelay);
    }

    [Fact]
    public void OccurrenceKey_IsStableAndAValidKey()
    {
        var key = SessionIds.ForOccurrence("morning", new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(1)));

        Assert.Equal("s-morning-20260302T080000Z", key);
        Assert.Equal("r7:uanchor:" + key, SessionIds.ForSession(7, "anchor", key));
    }

    [Fact]
    public void Cron_FollowsTheTimeZoneAcrossTheChangeToSummerTime()
    {
        var schedule = CronSchedule.Parse("0 9 * * *", "Europe/Berlin");

        Assert.Equal(new DateTimeOffset(2026, 3, 28, 8, 0, 0, TimeSpan.Zero), schedule.NextAfter(new DateTimeOffset(2026, 3, 28, 0, 0, 0, TimeSpan.Zero)));
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 7, 0, 0, TimeSpan.Zero), schedule.NextAfter(new DateTimeOffset(2026, 3, 28, 8, 0, 0, TimeSpan.Zero)));
    }

    [Theory]
    [InlineData("Europe")]
    [InlineData("Etc")]
    [InlineData("posix")]
    [InlineData("Nowhere/City")]
    public void TimeZone_ThatNamesNoZone_IsAValidationErrorOnTheZone(string timeZone)
    {
        var errors = new ValidationErrors();

        Assert.Null(CronSchedule.TryParse("0 9 * * *", timeZone, "cron", "timeZone", errors));
        Assert.Contains("is not a known time zone", Assert.Single(errors.ToDictionary()["timeZone"]), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("@every_second")]
    [InlineData("@EVERY_SECOND")]
    public void Cron_EverySecond_IsRefused(string cron)
    {
        var errors = new ValidationErrors();

        Assert.Null(CronSchedule.TryParse(cron, "UTC", "cron", "timeZone", errors));
        Assert.Contains("@every_minute", Assert.Single(errors.ToDictionary()["cron"]), StringComparison.Ordinal);
        Assert.NotNull(CronSchedule.TryParse("@every_minute", "UTC", "cron", "timeZone", new ValidationErrors()));
    }
}

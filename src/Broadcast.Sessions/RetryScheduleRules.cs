namespace Broadcast.Sessions;

/// <summary>The bounds of a <see cref="RetrySchedule"/>, for configuration and per-session overrides alike.</summary>
internal static class RetryScheduleRules
{
    public static readonly TimeSpan MaxFirstDelay = TimeSpan.FromHours(1);
    public static readonly TimeSpan MaxMaxDelay = TimeSpan.FromHours(24);
    public static readonly TimeSpan MinGiveUpAfter = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan MaxGiveUpAfter = TimeSpan.FromDays(7);
    public const int MaxMaxAttempts = 1000;
    public const double MaxBackoff = 10;

    /// <summary>Checks <paramref name="schedule"/>; <paramref name="path"/> turns a camelCase member name into the reported path.</summary>
    public static void Validate(RetrySchedule? schedule, Func<string, string> path, ValidationErrors errors)
    {
        if (schedule is null)
        {
            errors.Add(path("firstDelay"), "the retry schedule is missing.");
            return;
        }

        if (schedule.FirstDelay <= TimeSpan.Zero || schedule.FirstDelay > MaxFirstDelay)
        {
            errors.Add(path("firstDelay"), $"must be more than 0 and at most {MaxFirstDelay:c} (got {schedule.FirstDelay:c}).");
        }

        if (double.IsNaN(schedule.Backoff) || schedule.Backoff < 1 || schedule.Backoff > MaxBackoff)
        {
            errors.Add(path("backoff"), $"must be between 1 and {MaxBackoff} (got {schedule.Backoff}).");
        }

        if (schedule.MaxDelay < schedule.FirstDelay || schedule.MaxDelay > MaxMaxDelay)
        {
            errors.Add(path("maxDelay"), $"must be at least firstDelay ({schedule.FirstDelay:c}) and at most {MaxMaxDelay:c} (got {schedule.MaxDelay:c}).");
        }

        if (schedule.MaxAttempts is { } attempts && (attempts < 1 || attempts > MaxMaxAttempts))
        {
            errors.Add(path("maxAttempts"), $"must be between 1 and {MaxMaxAttempts} (got {attempts}).");
        }

        TextRules.Duration(schedule.GiveUpAfter, MinGiveUpAfter, MaxGiveUpAfter, path("giveUpAfter"), errors);

        if (schedule.MaxAttempts is null && schedule.GiveUpAfter is null)
        {
            errors.Add(path("maxAttempts"), "maxAttempts or giveUpAfter must be set, or the retries would never end.");
        }

        if (double.IsNaN(schedule.JitterFactor) || schedule.JitterFactor < 0 || schedule.JitterFactor >= 1)
        {
            errors.Add(path("jitterFactor"), $"must be at least 0 and less than 1 (got {schedule.JitterFactor}).");
        }
    }
}

namespace Broadcast.Sessions;

/// <summary>Checks a <see cref="ScheduleRequest"/>: id, cron, time zone, overlap policy, catch-up window, and the template as a session request.</summary>
internal static class ScheduleRequestValidator
{
    /// <summary>Leaves room in a session key for the occurrence suffix.</summary>
    public const int MaxIdLength = 40;

    /// <summary>The longest catch-up window.</summary>
    public static readonly TimeSpan MaxCatchUpWindow = TimeSpan.FromDays(7);

    public static CronSchedule? Validate(ScheduleRequest? request, SessionOptions options, DateTimeOffset now, ValidationErrors errors)
    {
        if (request is null)
        {
            errors.Add("body", "is required.");
            return null;
        }

        if (request.Id is not null)
        {
            TextRules.Identifier(request.Id, MaxIdLength, SessionRequestValidator.KeyExtraCharacters, "id", errors);
        }

        var schedule = CronSchedule.TryParse(request.Cron, request.TimeZone, "cron", "timeZone", errors);
        if (schedule is not null && schedule.NextAfter(now) is null)
        {
            errors.Add("cron", "never fires.");
        }

        if (!Enum.IsDefined(request.Overlap))
        {
            errors.Add("overlap", $"must be one of {string.Join(", ", Enum.GetNames<ScheduleOverlapPolicy>())}.");
        }

        TextRules.Duration(request.CatchUpWindow, TimeSpan.Zero, MaxCatchUpWindow, "catchUpWindow", errors);

        if (request.Template is null)
        {
            errors.Add("template", "is required.");
        }
        else
        {
            SessionRequestValidator.Validate(request.Template, options, now, "template", template: true, errors);
        }

        return schedule;
    }
}

using Cronos;

namespace Broadcast.Sessions;

/// <summary>A parsed cron expression in a time zone.</summary>
internal sealed class CronSchedule
{
    private readonly CronExpression expression;
    private readonly TimeZoneInfo zone;

    private CronSchedule(CronExpression expression, TimeZoneInfo zone)
    {
        this.expression = expression;
        this.zone = zone;
    }

    /// <summary>The first occurrence strictly after <paramref name="after"/>, or null when there is none.</summary>
    public DateTimeOffset? NextAfter(DateTimeOffset after) =>
        expression.GetNextOccurrence(after.UtcDateTime, zone) is { } next ? new DateTimeOffset(next, TimeSpan.Zero) : null;

    /// <summary>The occurrences after <paramref name="after"/> up to and including <paramref name="until"/> (UTC), in order.</summary>
    public IEnumerable<DateTimeOffset> Between(DateTimeOffset after, DateTimeOffset until) =>
        until <= after
            ? []
            : expression.GetOccurrences(after.UtcDateTime, until.UtcDateTime, zone, fromInclusive: false, toInclusive: true)
                .Select(o => new DateTimeOffset(o, TimeSpan.Zero));

    /// <summary>
    /// The next <paramref name="count"/> occurrences after <paramref name="after"/>, each with the offset the time zone
    /// has at that moment (so a change to or from summer time shows).
    /// </summary>
    public IReadOnlyList<DateTimeOffset> Preview(DateTimeOffset after, int count)
    {
        var occurrences = new List<DateTimeOffset>(count);
        var from = after;
        while (occurrences.Count < count && expression.GetNextOccurrence(from, zone) is { } next)
        {
            occurrences.Add(next);
            from = next;
        }

        return occurrences;
    }

    /// <summary>Parses; the problems go into <paramref name="errors"/> under <paramref name="cronPath"/> and <paramref name="zonePath"/>.</summary>
    public static CronSchedule? TryParse(string? cron, string? timeZone, string cronPath, string zonePath, ValidationErrors errors)
    {
        var expression = TryParseExpression(cron, cronPath, errors);
        var zone = TryFindZone(timeZone, zonePath, errors);
        return expression is null || zone is null ? null : new CronSchedule(expression, zone);
    }

    /// <summary>Parses a definition that was validated before; throws when it no longer parses.</summary>
    public static CronSchedule Parse(string cron, string timeZone)
    {
        var errors = new ValidationErrors();
        return TryParse(cron, timeZone, "cron", "timeZone", errors) ?? throw new SessionValidationException(errors.ToDictionary());
    }

    private static CronExpression? TryParseExpression(string? cron, string path, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(cron))
        {
            errors.Add(path, "is required.");
            return null;
        }

        var text = cron.Trim();
        if (!text.StartsWith('@') && text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length != 5)
        {
            errors.Add(path, "must have five fields (minute hour day-of-month month day-of-week) or be a macro such as @daily.");
            return null;
        }

        // The one macro finer than the five fields' minute, which would start a session every second.
        if (text.Equals("@every_second", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(path, "@every_second is finer than a schedule's minute; use @every_minute or five fields.");
            return null;
        }

        try
        {
            return CronExpression.Parse(text, CronFormat.Standard);
        }
        catch (CronFormatException e)
        {
            errors.Add(path, $"is not a valid cron expression: {e.Message}");
            return null;
        }
    }

    private static TimeZoneInfo? TryFindZone(string? timeZone, string path, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(timeZone))
        {
            errors.Add(path, "is required (an IANA id such as Europe/Berlin, or UTC).");
            return null;
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(timeZone);
        }
        // A folder of the zone database ("Europe", "Etc") throws SecurityException on Linux; an unreadable file an I/O error.
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException or System.Security.SecurityException
                                      or UnauthorizedAccessException or IOException)
        {
            errors.Add(path, $"'{timeZone}' is not a known time zone (use an IANA id such as Europe/Berlin, or UTC).");
            return null;
        }
    }
}

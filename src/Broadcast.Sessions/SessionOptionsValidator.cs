using Microsoft.Extensions.Options;

namespace Broadcast.Sessions;

/// <summary>Checks <see cref="SessionOptions"/> when the host starts; each failure names the setting.</summary>
internal sealed class SessionOptionsValidator : IValidateOptions<SessionOptions>
{
    public ValidateOptionsResult Validate(string? name, SessionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new ValidationErrors();
        const string Section = SessionOptions.SectionName;
        TextRules.Duration(options.DefaultJoinTimeout, SessionRequestValidator.MinJoinTimeout, SessionRequestValidator.MaxJoinTimeout,
            $"{Section}:DefaultJoinTimeout", errors);
        TextRules.Duration(options.DefaultMaxDuration, SessionRequestValidator.MinMaxDuration, SessionRequestValidator.MaxMaxDuration,
            $"{Section}:DefaultMaxDuration", errors);
        TextRules.Duration(options.DefaultLeaveGrace, SessionRequestValidator.MinLeaveGrace, SessionRequestValidator.MaxLeaveGrace,
            $"{Section}:DefaultLeaveGrace", errors);
        RetryScheduleRules.Validate(options.StartRetry, n => $"{Section}:StartRetry:{Pascal(n)}", errors);
        RetryScheduleRules.Validate(options.StopRetry, n => $"{Section}:StopRetry:{Pascal(n)}", errors);
        return errors.HasErrors
            ? ValidateOptionsResult.Fail(errors.ToDictionary().SelectMany(e => e.Value.Select(m => $"{e.Key} {m}")))
            : ValidateOptionsResult.Success;
    }

    private static string Pascal(string camel) => char.ToUpperInvariant(camel[0]) + camel[1..];
}

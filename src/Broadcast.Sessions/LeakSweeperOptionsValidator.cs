using Microsoft.Extensions.Options;

namespace Broadcast.Sessions;

/// <summary>Checks <see cref="LeakSweeperOptions"/> when the host starts; each failure names the setting.</summary>
internal sealed class LeakSweeperOptionsValidator : IValidateOptions<LeakSweeperOptions>
{
    public ValidateOptionsResult Validate(string? name, LeakSweeperOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new ValidationErrors();
        const string Section = LeakSweeperOptions.SectionName;
        TextRules.Duration(options.Interval, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1), $"{Section}:Interval", errors);
        TextRules.Duration(options.Grace, TimeSpan.Zero, TimeSpan.FromHours(1), $"{Section}:Grace", errors);
        TextRules.Duration(options.Retention, TimeSpan.FromMinutes(1), TimeSpan.FromDays(365), $"{Section}:Retention", errors);
        if (options.BatchSize is < 1 or > LeakListQuery.MaxLimit)
        {
            errors.Add($"{Section}:BatchSize", $"must be between 1 and {LeakListQuery.MaxLimit} (got {options.BatchSize}).");
        }

        return errors.HasErrors
            ? ValidateOptionsResult.Fail(errors.ToDictionary().SelectMany(e => e.Value.Select(m => $"{e.Key} {m}")))
            : ValidateOptionsResult.Success;
    }
}

using Microsoft.Extensions.Options;

namespace Broadcast.Durable;

/// <summary>Checks <see cref="DurableEngineOptions"/> on start; each message names the setting.</summary>
internal sealed class DurableEngineOptionsValidator : IValidateOptions<DurableEngineOptions>
{
    private static readonly TimeSpan MaxWait = TimeSpan.FromHours(1);

    public ValidateOptionsResult Validate(string? name, DurableEngineOptions options)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.DatabasePath))
        {
            errors.Add("Engine:DatabasePath must name a database file.");
        }

        CheckRange(errors, nameof(options.MaxConcurrentOrchestrations), options.MaxConcurrentOrchestrations, 1, 10_000);
        CheckRange(errors, nameof(options.MaxConcurrentActivities), options.MaxConcurrentActivities, 1, 10_000);
        CheckRange(errors, nameof(options.MaxCachedInstances), options.MaxCachedInstances, 0, 10_000_000);
        CheckRange(errors, nameof(options.MaxBatchSize), options.MaxBatchSize, 1, 100_000);
        // An hour at most: both are waits the engine sleeps through, and a timer refuses waits beyond about 49 days.
        if (options.CompletionPollInterval <= TimeSpan.Zero || options.CompletionPollInterval > MaxWait)
        {
            errors.Add($"Engine:CompletionPollInterval must be positive and at most {MaxWait} (was {options.CompletionPollInterval}).");
        }

        if (options.StepRetryDelay < TimeSpan.Zero || options.StepRetryDelay > MaxWait)
        {
            errors.Add($"Engine:StepRetryDelay must be between 00:00:00 and {MaxWait} (was {options.StepRetryDelay}).");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void CheckRange(List<string> errors, string setting, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            errors.Add($"Engine:{setting} must be between {min} and {max} (was {value}).");
        }
    }
}

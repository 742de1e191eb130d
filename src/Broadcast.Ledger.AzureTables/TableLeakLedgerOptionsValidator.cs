using Microsoft.Extensions.Options;

namespace Broadcast.Ledger.AzureTables;

/// <summary>Checks <see cref="TableLeakLedgerOptions"/> on start; each message names the setting, never the connection string.</summary>
internal sealed class TableLeakLedgerOptionsValidator : IValidateOptions<TableLeakLedgerOptions>
{
    private static readonly TimeSpan MinLeaseDuration = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan MaxLeaseDuration = TimeSpan.FromHours(1);

    public ValidateOptionsResult Validate(string? name, TableLeakLedgerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        const string Section = TableLeakLedgerOptions.SectionName;
        var errors = new List<string>();
        var hasConnectionString = !string.IsNullOrWhiteSpace(options.ConnectionString);
        if (hasConnectionString == options.ServiceUri is not null)
        {
            errors.Add($"Set one of {Section}:ConnectionString (an Azure Storage connection string) or {Section}:ServiceUri (the table service, with an Entra identity).");
        }

        if (options.ServiceUri is { } uri && (!uri.IsAbsoluteUri || uri.Scheme is not ("https" or "http")))
        {
            errors.Add($"{Section}:ServiceUri must be an absolute http(s) address (got '{uri}').");
        }

        CheckTableName(errors, nameof(options.TableName), options.TableName);
        CheckTableName(errors, nameof(options.LeaseTableName), options.LeaseTableName);
        if (string.Equals(options.TableName, options.LeaseTableName, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add($"{Section}:LeaseTableName must differ from {Section}:TableName (both are '{options.TableName}').");
        }

        if (options.LeaseDuration < MinLeaseDuration || options.LeaseDuration > MaxLeaseDuration)
        {
            errors.Add($"{Section}:LeaseDuration must be from {MinLeaseDuration:c} to {MaxLeaseDuration:c} (got {options.LeaseDuration:c}).");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void CheckTableName(List<string> errors, string setting, string? value)
    {
        var table = value ?? "";
        if (table.Length is < 3 or > 63 || !char.IsAsciiLetter(table[0]) || !table.All(char.IsAsciiLetterOrDigit))
        {
            errors.Add($"{TableLeakLedgerOptions.SectionName}:{setting} must be 3 to 63 letters and digits starting with a letter (got '{table}').");
        }
    }
}

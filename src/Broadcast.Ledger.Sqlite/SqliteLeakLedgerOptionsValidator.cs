using Microsoft.Extensions.Options;

namespace Broadcast.Ledger.Sqlite;

/// <summary>Checks <see cref="SqliteLeakLedgerOptions"/> on start; each message names the setting.</summary>
internal sealed class SqliteLeakLedgerOptionsValidator : IValidateOptions<SqliteLeakLedgerOptions>
{
    public ValidateOptionsResult Validate(string? name, SqliteLeakLedgerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.DatabasePath))
        {
            return ValidateOptionsResult.Fail($"{SqliteLeakLedgerOptions.SectionName}:DatabasePath must name the ledger's database file.");
        }

        if (options.DatabasePath.IndexOfAny(Path.GetInvalidPathChars()) >= 0 || options.DatabasePath.Any(char.IsControl))
        {
            return ValidateOptionsResult.Fail(
                $"{SqliteLeakLedgerOptions.SectionName}:DatabasePath contains characters a file path cannot hold ('{options.DatabasePath}').");
        }

        return ValidateOptionsResult.Success;
    }
}

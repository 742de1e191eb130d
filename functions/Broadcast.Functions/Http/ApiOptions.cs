using System.ComponentModel.DataAnnotations;

namespace Broadcast.Functions;

/// <summary>
/// The HTTP API's settings, under the embedded host's names (section <c>Host</c>) so one configuration table
/// serves both hosts.
/// </summary>
public sealed class ApiOptions : IValidatableObject
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Host";

    /// <summary>The header that carries the API key.</summary>
    public const string ApiKeyHeader = ApiKeyCheck.HeaderName;

    /// <summary>The key every call must send in <c>X-Api-Key</c>. Required: a Function App is always reachable from outside.</summary>
    [Required(ErrorMessage = "Host:ApiKey is required: the key every HTTP call must send in X-Api-Key.")]
    public string? ApiKey { get; set; }

    /// <summary>Request bodies larger than this are refused with 413.</summary>
    [Range(1024, 16 * 1024 * 1024, ErrorMessage = "Host:MaxRequestBodyBytes must be between 1024 and 16777216.")]
    public long MaxRequestBodyBytes { get; set; } = 64 * 1024;

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Ilvb.KeyVaultReference.IsUnresolved(ApiKey))
        {
            yield return new ValidationResult(Ilvb.KeyVaultReference.Problem("Host:ApiKey"), [nameof(ApiKey)]);
        }
    }
}

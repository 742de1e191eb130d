using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace Broadcast.Ilvb;

/// <summary>
/// Checks <see cref="IlvbOptions"/> at start. Every message names the setting (<c>Ilvb:…</c>)
/// and never quotes a secret.
/// </summary>
internal sealed class IlvbOptionsValidator(TimeProvider timeProvider) : IValidateOptions<IlvbOptions>
{
    private const string Prefix = IlvbOptions.SectionName + ":";
    private static readonly TimeSpan MinUserSigExpiry = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan MaxUserSigExpiry = TimeSpan.FromDays(3650);
    private static readonly TimeSpan MaxRequestTimeout = TimeSpan.FromMinutes(10);

    public ValidateOptionsResult Validate(string? name, IlvbOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        ValidateIdentity(options, problems);
        ValidateCredentials(options, problems);
        ValidateEndpoint(options, problems);

        // An unresolved reference is no certificate or UserSig to read; reading it would only add a second, misleading error.
        if (!ValidateSecretsResolved(options, problems))
        {
            ValidateConfiguredUserSig(options, problems);
            ValidateCertificates(options, problems);
        }

        if (options.TransientCodes is not null)
        {
            problems.AddRange(IlvbErrorCatalog.CheckTransientCodes(options.TransientCodes).Select(p => $"{Prefix}TransientCodes: {p}"));
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static void ValidateIdentity(IlvbOptions options, List<string> problems)
    {
        if (options.SdkAppId == 0)
        {
            problems.Add($"{Prefix}SdkAppId is required: the application's sdkappid (a positive 32-bit number).");
        }

        if (string.IsNullOrWhiteSpace(options.Identifier))
        {
            problems.Add($"{Prefix}Identifier is required: the admin account the calls are made as.");
        }
    }

    /// <returns>Whether any secret setting is unresolved.</returns>
    private static bool ValidateSecretsResolved(IlvbOptions options, List<string> problems)
    {
        var unresolved = false;
        foreach (var (setting, value) in new[]
        {
            ("UserSig", options.UserSig), ("SecretKey", options.SecretKey),
            ("ClientCertificateBase64", options.ClientCertificateBase64), ("ClientCertificatePassword", options.ClientCertificatePassword),
        })
        {
            if (KeyVaultReference.IsUnresolved(value))
            {
                problems.Add(KeyVaultReference.Problem(Prefix + setting));
                unresolved = true;
            }
        }

        return unresolved;
    }

    private static void ValidateCredentials(IlvbOptions options, List<string> problems)
    {
        var hasUserSig = !string.IsNullOrWhiteSpace(options.UserSig);
        var hasSecretKey = !string.IsNullOrWhiteSpace(options.SecretKey);
        if (hasUserSig == hasSecretKey)
        {
            problems.Add(hasUserSig
                ? $"Set only one of {Prefix}UserSig and {Prefix}SecretKey, not both."
                : $"Set one of {Prefix}UserSig (a UserSig issued for {Prefix}Identifier) and {Prefix}SecretKey (to issue UserSigs here).");
        }

        if (hasSecretKey && (options.UserSigExpiry < MinUserSigExpiry || options.UserSigExpiry > MaxUserSigExpiry))
        {
            problems.Add($"{Prefix}UserSigExpiry must be between {MinUserSigExpiry} and {MaxUserSigExpiry.TotalDays} days; it is {options.UserSigExpiry}.");
        }
    }

    // A UserSig in another scheme (not TLSSigAPIv2) cannot be read here and is left to the vendor to judge.
    private void ValidateConfiguredUserSig(IlvbOptions options, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(options.UserSig) || !string.IsNullOrWhiteSpace(options.SecretKey))
        {
            return;
        }

        UserSigFields fields;
        try
        {
            fields = UserSig.Decode(options.UserSig);
        }
        catch (FormatException)
        {
            return;
        }

        if (!string.Equals(fields.Identifier, options.Identifier, StringComparison.Ordinal))
        {
            problems.Add($"{Prefix}UserSig was issued for identifier '{fields.Identifier}', not {Prefix}Identifier '{options.Identifier}'.");
        }

        if (options.SdkAppId != 0 && fields.SdkAppId != options.SdkAppId)
        {
            problems.Add($"{Prefix}UserSig was issued for sdkappid {fields.SdkAppId}, not {Prefix}SdkAppId {options.SdkAppId}.");
        }

        if (fields.ExpiresAt <= timeProvider.GetUtcNow())
        {
            problems.Add($"{Prefix}UserSig expired at {fields.ExpiresAt:O}; issue a new one or set {Prefix}SecretKey instead.");
        }
    }

    private static void ValidateEndpoint(IlvbOptions options, List<string> problems)
    {
        if (!Enum.IsDefined(options.Environment))
        {
            problems.Add($"{Prefix}Environment must be Test or Formal; it is {options.Environment}.");
        }

        if (options.BaseUrl is { } baseUrl
            && (!baseUrl.IsAbsoluteUri || baseUrl.Scheme is not ("http" or "https") || baseUrl.Query.Length > 0 || baseUrl.Fragment.Length > 0))
        {
            problems.Add($"{Prefix}BaseUrl must be an absolute http or https URL without query or fragment, such as https://openapi.tim.qq.com/.");
        }

        if (options.RequestTimeout <= TimeSpan.Zero || options.RequestTimeout > MaxRequestTimeout)
        {
            problems.Add($"{Prefix}RequestTimeout must be positive and at most {MaxRequestTimeout}; it is {options.RequestTimeout}.");
        }
    }

    private static void ValidateCertificates(IlvbOptions options, List<string> problems)
    {
        var hasPath = !string.IsNullOrWhiteSpace(options.ClientCertificatePath);
        var hasInline = !string.IsNullOrWhiteSpace(options.ClientCertificateBase64);
        var hasCertificate = hasPath || hasInline;
        if (hasPath && hasInline)
        {
            problems.Add($"Set either {Prefix}ClientCertificatePath or {Prefix}ClientCertificateBase64, not both.");
            return;
        }

        if (!hasPath && !string.IsNullOrWhiteSpace(options.ClientKeyPath))
        {
            problems.Add($"{Prefix}ClientKeyPath is set without {Prefix}ClientCertificatePath.");
        }

        if (!hasCertificate && !string.IsNullOrEmpty(options.ClientCertificatePassword))
        {
            problems.Add($"{Prefix}ClientCertificatePassword is set without {Prefix}ClientCertificatePath or {Prefix}ClientCertificateBase64.");
        }

        if (hasCertificate)
        {
            var setting = hasInline ? $"{Prefix}ClientCertificateBase64"
                : string.IsNullOrWhiteSpace(options.ClientKeyPath) ? $"{Prefix}ClientCertificatePath"
                : $"{Prefix}ClientCertificatePath/{Prefix}ClientKeyPath";
            try
            {
                using var certificate = IlvbCertificates.LoadClientCertificate(options);
                if (certificate is { HasPrivateKey: false })
                {
                    problems.Add($"{setting}: the certificate has no private key (give a PFX, or its PEM key in {Prefix}ClientKeyPath).");
                }
            }
            catch (Exception ex) when (IsUnreadable(ex))
            {
                problems.Add($"{setting}: the client certificate could not be read: {ex.Message}");
            }
        }

        if (!string.IsNullOrWhiteSpace(options.TrustedCaCertificatePath))
        {
            try
            {
                var cas = IlvbCertificates.LoadTrustedCas(options);
                foreach (var ca in cas)
                {
                    ca.Dispose();
                }
            }
            catch (Exception ex) when (IsUnreadable(ex))
            {
                problems.Add($"{Prefix}TrustedCaCertificatePath: the CA certificate could not be read: {ex.Message}");
            }
        }
    }

    // Exception texts of these kinds name files and formats, never the password given.
    private static bool IsUnreadable(Exception ex) =>
        ex is CryptographicException or IOException or UnauthorizedAccessException or ArgumentException or FormatException;
}

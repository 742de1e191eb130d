namespace Broadcast.Ilvb;

/// <summary>
/// Settings of the ILVB client, bound from the configuration section <c>Ilvb</c> and validated
/// at start. Set exactly one of <see cref="UserSig"/> and <see cref="SecretKey"/>.
/// </summary>
public sealed class IlvbOptions
{
    /// <summary>The configuration section: <c>Ilvb</c>.</summary>
    public const string SectionName = "Ilvb";

    /// <summary>The seed's test domain.</summary>
    public static Uri TestBaseUrl { get; } = new("https://test.tim.qq.com/");

    /// <summary>The seed's formal (production) domain.</summary>
    public static Uri FormalBaseUrl { get; } = new("https://openapi.tim.qq.com/");

    /// <summary>The application's sdkappid (required; query <c>sdkappid</c>, header <c>uint32_sdk_appid</c>).</summary>
    public uint SdkAppId { get; set; }

    /// <summary>The admin account the calls are made as (required; query <c>identifier</c>).</summary>
    public string Identifier { get; set; } = "";

    /// <summary>A UserSig issued for <see cref="Identifier"/>, used as is. A secret: never logged.</summary>
    public string? UserSig { get; set; }

    /// <summary>The application's secret key, to issue UserSigs here (TLSSigAPIv2). A secret: never logged.</summary>
    public string? SecretKey { get; set; }

    /// <summary>The lifetime of UserSigs issued from <see cref="SecretKey"/>. Default 180 days.</summary>
    public TimeSpan UserSigExpiry { get; set; } = TimeSpan.FromDays(180);

    /// <summary>Which vendor domain to call when <see cref="BaseUrl"/> is not set. Default <see cref="IlvbEnvironment.Test"/>.</summary>
    public IlvbEnvironment Environment { get; set; } = IlvbEnvironment.Test;

    /// <summary>A custom endpoint (http or https), e.g. the simulator; overrides <see cref="Environment"/>.</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>How long one call may take, connection included. Default 10 seconds.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The client certificate for mutual TLS: a PFX/PKCS#12 file, or a PEM certificate (with its key in
    /// the same file or in <see cref="ClientKeyPath"/>).
    /// </summary>
    public string? ClientCertificatePath { get; set; }

    /// <summary>
    /// The client certificate for mutual TLS inline: a PFX/PKCS#12 in base64, e.g. from a Key Vault secret
    /// (<c>Ilvb__ClientCertificateBase64</c>), for hosts that hold no certificate file. A secret: never logged. Set this
    /// or <see cref="ClientCertificatePath"/>, not both; <see cref="ClientCertificatePassword"/> applies to it too.
    /// </summary>
    public string? ClientCertificateBase64 { get; set; }

    /// <summary>The password of the PFX (file or inline) or of an encrypted PEM key. A secret: never logged.</summary>
    public string? ClientCertificatePassword { get; set; }

    /// <summary>The PEM private key of a PEM <see cref="ClientCertificatePath"/>.</summary>
    public string? ClientKeyPath { get; set; }

    /// <summary>Extra CA certificates (PEM, may hold several; or one DER) trusted for the server's certificate.</summary>
    public string? TrustedCaCertificatePath { get; set; }

    /// <summary>
    /// The body codes retried as transient; null (the default) for
    /// <see cref="IlvbErrorCatalog.DefaultTransientCodes"/> (40000207, 40000208, 30000208).
    /// </summary>
    public IReadOnlyList<long>? TransientCodes { get; set; }

    /// <summary>The endpoint base in effect: <see cref="BaseUrl"/>, else the <see cref="Environment"/>'s domain; always ends in '/'.</summary>
    public Uri GetBaseUrl()
    {
        var baseUrl = BaseUrl ?? (Environment == IlvbEnvironment.Formal ? FormalBaseUrl : TestBaseUrl);
        return baseUrl.AbsolutePath.EndsWith('/') ? baseUrl : new Uri(baseUrl.GetLeftPart(UriPartial.Path) + "/");
    }
}

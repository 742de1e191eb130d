using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Broadcast.Ilvb;

/// <summary>Loads the mutual-TLS material named by <see cref="IlvbOptions"/> and checks server certificates against extra CAs.</summary>
internal static class IlvbCertificates
{
    private const string ServerAuthenticationOid = "1.3.6.1.5.5.7.3.1";

    /// <summary>The client certificate with its private key, or null when none is configured.</summary>
    public static X509Certificate2? LoadClientCertificate(IlvbOptions options)
    {
        var password = string.IsNullOrEmpty(options.ClientCertificatePassword) ? null : options.ClientCertificatePassword;
        if (!string.IsNullOrWhiteSpace(options.ClientCertificateBase64))
        {
            // FormatException for text that is not base64; its message does not echo the text.
            return X509CertificateLoader.LoadPkcs12(Convert.FromBase64String(options.ClientCertificateBase64.Trim()), password);
        }

        var path = options.ClientCertificatePath;
        if (string.IsNullOrWhiteSpace(path))
        {
            return null;
        }

        var keyPath = string.IsNullOrWhiteSpace(options.ClientKeyPath) ? null : options.ClientKeyPath;
        if (keyPath is null && !IsPem(path))
        {
            return X509CertificateLoader.LoadPkcs12FromFile(path, password);
        }

        keyPath ??= path;
        var pem = password is null
            ? X509Certificate2.CreateFromPemFile(path, keyPath)
            : X509Certificate2.CreateFromEncryptedPemFile(path, password, keyPath);
        if (!OperatingSystem.IsWindows())
        {
            return pem;
        }

        // Windows' TLS stack cannot use the ephemeral key a PEM import makes; a PKCS#12 round trip persists it.
        using (pem)
        {
            return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
        }
    }

    /// <summary>The extra trusted CAs; empty when none is configured.</summary>
    public static X509Certificate2Collection LoadTrustedCas(IlvbOptions options)
    {
        var cas = new X509Certificate2Collection();
        var path = options.TrustedCaCertificatePath;
        if (string.IsNullOrWhiteSpace(path))
        {
            return cas;
        }

        if (IsPem(path))
        {
            cas.ImportFromPemFile(path);
        }
        else
        {
            cas.Add(X509CertificateLoader.LoadCertificateFromFile(path));
        }

        if (cas.Count == 0)
        {
            throw new CryptographicException("The file holds no certificate.");
        }

        return cas;
    }

    /// <summary>
    /// Accepts what the platform accepts, and otherwise a certificate whose chain ends in one of
    /// <paramref name="trustedCas"/>, for this host name, for server authentication.
    /// </summary>
    public static bool ValidateServerCertificate(
        X509Certificate2Collection trustedCas, X509Certificate? certificate, X509Chain? platformChain, SslPolicyErrors errors)
    {
        if (errors == SslPolicyErrors.None)
        {
            return true;
        }

        if (certificate is null || trustedCas.Count == 0
            || errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch)
            || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(trustedCas);
        // Private and test CAs rarely publish revocation lists.
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.ApplicationPolicy.Add(new Oid(ServerAuthenticationOid));
        if (platformChain is not null)
        {
            foreach (var element in platformChain.ChainElements)
            {
                chain.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }

        var leaf = certificate as X509Certificate2 ?? X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        return chain.Build(leaf);
    }

    private static bool IsPem(string path)
    {
        using var reader = new StreamReader(path);
        var buffer = new char[512];
        var read = reader.ReadBlock(buffer, 0, buffer.Length);
        return new string(buffer, 0, read).Contains("-----BEGIN ", StringComparison.Ordinal);
    }
}

using System.Net;
using System.Net.Security;

namespace Broadcast.Ilvb;

/// <summary>The primary handler of the typed client: no redirects, no cookies, mutual TLS from the options.</summary>
internal static class IlvbHttpHandlerFactory
{
    public static SocketsHttpHandler Create(IlvbOptions options)
    {
        var handler = new SocketsHttpHandler
        {
            // A redirect would carry the UserSig in its query to wherever it points.
            AllowAutoRedirect = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.All,
            ConnectTimeout = options.RequestTimeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        };

        var clientCertificate = IlvbCertificates.LoadClientCertificate(options);
        if (clientCertificate is not null)
        {
            handler.SslOptions.ClientCertificates = [clientCertificate];
            // Offer the certificate even when the server's list of acceptable issuers does not name its CA.
            handler.SslOptions.LocalCertificateSelectionCallback = (_, _, _, _, _) => clientCertificate;
        }

        var trustedCas = IlvbCertificates.LoadTrustedCas(options);
        if (trustedCas.Count > 0)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, chain, errors) =>
                IlvbCertificates.ValidateServerCertificate(trustedCas, certificate, chain, errors);
        }

        return handler;
    }
}

using System.Net;
using System.Net.Http;

namespace Broadcast.Ilvb;

/// <summary>Builds the <see cref="IlvbException"/>s of the client, each with its kind and category.</summary>
internal static class IlvbFailures
{
    public static IlvbException Vendor(IlvbOperation operation, IlvbErrorEntry entry, string? vendorMessage) =>
        new(IlvbFailureKind.VendorCode, entry.Code, entry.Category, entry.Description, entry.Advice)
        {
            Operation = operation,
            VendorMessage = vendorMessage,
        };

    public static IlvbException Header(IlvbOperation operation, long result, string? vendorMessage)
    {
        var entry = IlvbErrorCatalog.LookupHeaderResult(result);
        return new IlvbException(IlvbFailureKind.HeaderResult, result, entry.Category, entry.Description)
        {
            Operation = operation,
            VendorMessage = vendorMessage,
        };
    }

    public static IlvbException Timeout(IlvbOperation operation, TimeSpan timeout, Exception inner) =>
        Transport(operation, IlvbFailureKind.Timeout, 0, $"No response within {timeout.TotalSeconds:0.###} s; the request may have reached the vendor.", inner);

    public static IlvbException Status(IlvbOperation operation, HttpStatusCode status)
    {
        var code = (int)status;
        // 408 and 429 ask the client to come back later, as 5xx do; other statuses will not change on retry.
        var category = code >= 500 || status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests
            ? IlvbErrorCategory.Transient
            : IlvbErrorCategory.Fatal;
        return new IlvbException(IlvbFailureKind.HttpStatus, code, category, $"The videorelay endpoint answered HTTP {code} {status}.")
        {
            Operation = operation,
        };
    }

    public static IlvbException FromHttpRequest(IlvbOperation operation, HttpRequestException ex) =>
        ex.HttpRequestError switch
        {
            HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.ProxyTunnelError =>
                Transport(operation, IlvbFailureKind.ConnectionRefused, 0, "The connection to the videorelay endpoint could not be made.", ex),
            HttpRequestError.SecureConnectionError =>
                Transport(operation, IlvbFailureKind.ConnectionRefused, 0, "The TLS handshake with the videorelay endpoint failed (a certificate was refused or is not trusted).", ex),
            HttpRequestError.ConfigurationLimitExceeded or HttpRequestError.InvalidResponse =>
                Malformed(operation, "The response is not valid HTTP or exceeds the size limit.", ex),
            _ => Transport(operation, IlvbFailureKind.ConnectionLost, 0, "The connection broke before the response was read; the request may have reached the vendor.", ex),
        };

    public static IlvbException ConnectionLost(IlvbOperation operation, Exception inner) =>
        Transport(operation, IlvbFailureKind.ConnectionLost, 0, "The connection broke before the response was read; the request may have reached the vendor.", inner);

    public static IlvbException Malformed(IlvbOperation operation, string description, Exception? inner = null) =>
        Transport(operation, IlvbFailureKind.MalformedResponse, 0, description, inner);

    public static IlvbException SequenceMismatch(IlvbOperation operation, string description) =>
        Transport(operation, IlvbFailureKind.SequenceMismatch, 0, description, null);

    private static IlvbException Transport(IlvbOperation operation, IlvbFailureKind kind, long code, string description, Exception? inner) =>
        new(kind, code, IlvbErrorCategory.Transient, description, null, inner) { Operation = operation };
}

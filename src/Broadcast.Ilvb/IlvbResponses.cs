using System.Globalization;
using Broadcast.Ilvb.Wire;
using Newtonsoft.Json;

namespace Broadcast.Ilvb;

/// <summary>
/// Reads a response body for one request: success only when the header matches the request
/// (<c>uint32_seq</c>, <c>bytes_cookie_buff</c>), its result is 0, and the packet's result is 0.
/// Absent results read as 0 (protobuf-JSON leaves defaults out); an absent header or body does not.
/// </summary>
internal static class IlvbResponses
{
    /// <remarks><paramref name="unreadable"/> gets the names of members left out of a readable body because they could not be read.</remarks>
    public static T Read<T>(
        IlvbOperation operation, string text, uint sequence, string cookie, string packetName, IlvbErrorCatalog catalog, Func<string?, string?> redact,
        ICollection<string> unreadable)
        where T : VideoRelayResponseBody
    {
        VideoRelayResponse response;
        try
        {
            response = VideoRelayJson.ParseResponse(text);
        }
        catch (Exception ex) when (IsUnreadable(ex))
        {
            throw IlvbFailures.Malformed(operation, "The response is empty, truncated or not a videorelay JSON object.", Sanitize(ex, redact));
        }

        var head = response.Head ?? throw IlvbFailures.Malformed(operation, "The response has no reqhead (or rsphead).");
        if (head.Result is { } headResult and not 0)
        {
            // A header failure may come before the vendor could read our seq; only a different one disowns it.
            if (head.Sequence is { } echoed && echoed != sequence)
            {
                throw SequenceMismatch(operation, echoed, sequence);
            }

            throw IlvbFailures.Header(operation, headResult, redact(head.ErrorMessage));
        }

        if (head.Sequence != sequence)
        {
            throw SequenceMismatch(operation, head.Sequence, sequence);
        }

        if (!string.Equals(head.CookieBuffer, cookie, StringComparison.Ordinal))
        {
            throw IlvbFailures.SequenceMismatch(
                operation, head.CookieBuffer is null ? "The response lacks the request's bytes_cookie_buff." : "The response's bytes_cookie_buff is not the request's.");
        }

        if (response.RspBody is null)
        {
            throw IlvbFailures.Malformed(operation, "The response has no rspbody.");
        }

        T body;
        try
        {
            body = VideoRelayJson.ReadBody<T>(response.RspBody, packetName, unreadable);
        }
        catch (Exception ex) when (IsUnreadable(ex))
        {
            throw IlvbFailures.Malformed(operation, $"The response's rspbody is not a readable {packetName}.", Sanitize(ex, redact));
        }

        if (body.Result is { } code and not 0)
        {
            throw IlvbFailures.Vendor(operation, catalog.Lookup(code), redact(body.ErrorInfo));
        }

        return body;
    }

    private static IlvbException SequenceMismatch(IlvbOperation operation, uint? echoed, uint sequence) =>
        IlvbFailures.SequenceMismatch(
            operation,
            string.Create(
                CultureInfo.InvariantCulture,
                $"The response's uint32_seq {(echoed is null ? "(missing)" : echoed.Value)} is not the request's {sequence}."));

    private static bool IsUnreadable(Exception ex) =>
        ex is JsonException or FormatException or OverflowException or InvalidCastException or ArgumentException;

    // A parser message may quote the response; should that quote a credential, the detail is dropped.
    private static Exception? Sanitize(Exception ex, Func<string?, string?> redact) =>
        redact(ex.Message) == ex.Message ? ex : null;
}

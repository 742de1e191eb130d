using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Broadcast.Host;

/// <summary>
/// The signature of a room event: header <c>X-Broadcast-Signature: sha256=&lt;hex&gt;</c>, the HMAC-SHA256 of the raw body
/// with <see cref="WebhookOptions.SigningKey"/>, compared in constant time.
/// </summary>
internal static class RoomEventSignature
{
    /// <summary>The header that carries the signature.</summary>
    public const string Header = "X-Broadcast-Signature";

    /// <summary>The scheme prefix of the header's value.</summary>
    public const string Scheme = "sha256=";

    /// <summary>The header value for <paramref name="body"/> signed with <paramref name="key"/>.</summary>
    public static string Sign(string key, ReadOnlySpan<byte> body) =>
        Scheme + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), body));

    /// <summary>Null when <paramref name="header"/> signs <paramref name="body"/> with <paramref name="key"/>; otherwise why not.</summary>
    public static string? Check(string key, ReadOnlySpan<byte> body, string? header)
    {
        if (string.IsNullOrEmpty(header))
        {
            return $"Send the signature in the '{Header}' header: {Scheme}<hex of HMAC-SHA256 over the raw body>.";
        }

        if (!header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) || !TryDecodeHex(header.AsSpan(Scheme.Length), out var presented))
        {
            return $"The '{Header}' header must be {Scheme}<hex of HMAC-SHA256 over the raw body>.";
        }

        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), body);
        return CryptographicOperations.FixedTimeEquals(expected, presented)
            ? null
            : $"The '{Header}' header does not match the body: sign the exact bytes sent with the configured key.";
    }

    private static bool TryDecodeHex(ReadOnlySpan<char> hex, out byte[] bytes)
    {
        bytes = [];
        if (hex.Length != HMACSHA256.HashSizeInBytes * 2)
        {
            return false;
        }

        var decoded = new byte[HMACSHA256.HashSizeInBytes];
        for (var i = 0; i < decoded.Length; i++)
        {
            if (!byte.TryParse(hex.Slice(i * 2, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out decoded[i]))
            {
                return false;
            }
        }

        bytes = decoded;
        return true;
    }
}

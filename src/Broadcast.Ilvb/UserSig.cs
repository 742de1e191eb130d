using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Broadcast.Ilvb;

/// <summary>
/// TLSSigAPIv2 UserSigs: <c>TLS.sig</c> = base64(HMAC-SHA256(secret key, "TLS.identifier:…\nTLS.sdkappid:…\nTLS.time:…\nTLS.expire:…\n")),
/// and the UserSig is the JSON of the fields, zlib-compressed, in base64 with '+' → '*', '/' → '-', '=' → '_'.
/// Error messages never repeat a sig or a key.
/// </summary>
public static class UserSig
{
    private const string Version2 = "2.0";
    private const int MaxDecodedBytes = 64 * 1024;

    /// <summary>Issues a UserSig.</summary>
    /// <param name="sdkAppId">The application's sdkappid.</param>
    /// <param name="secretKey">The application's secret key.</param>
    /// <param name="identifier">The account the sig is for (the admin account for backend calls).</param>
    /// <param name="expire">How long it is valid; whole seconds, at least one.</param>
    /// <param name="time">When it is issued; whole seconds.</param>
    public static string Generate(uint sdkAppId, string secretKey, string identifier, TimeSpan expire, DateTimeOffset time)
    {
        ArgumentException.ThrowIfNullOrEmpty(secretKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(identifier);
        var expireSeconds = (long)expire.TotalSeconds;
        if (expireSeconds < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(expire), "The expiry must be at least one second.");
        }

        var unixTime = time.ToUnixTimeSeconds();
        var fields = new JObject
        {
            ["TLS.ver"] = Version2,
            ["TLS.identifier"] = identifier,
            ["TLS.sdkappid"] = sdkAppId,
            ["TLS.expire"] = expireSeconds,
            ["TLS.time"] = unixTime,
            ["TLS.sig"] = ComputeSignature(sdkAppId, secretKey, identifier, expireSeconds, unixTime),
        };
        var json = Encoding.UTF8.GetBytes(fields.ToString(Formatting.None));

        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(json);
        }

        return Convert.ToBase64String(compressed.ToArray()).Replace('+', '*').Replace('/', '-').Replace('=', '_');
    }

    /// <summary>Reads the fields of a UserSig (without checking its signature).</summary>
    /// <exception cref="FormatException">It is not a TLSSigAPIv2 UserSig.</exception>
    public static UserSigFields Decode(string userSig)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userSig);
        JObject fields;
        try
        {
            var packed = Convert.FromBase64String(userSig.Trim().Replace('*', '+').Replace('-', '/').Replace('_', '='));
            fields = JObject.Parse(Encoding.UTF8.GetString(Inflate(packed)));
        }
        catch (Exception ex) when (ex is FormatException or InvalidDataException or JsonException)
        {
            // The inner exception is left out on purpose: its text could quote the sig.
            throw new FormatException($"The UserSig is not a TLSSigAPIv2 token ({ex.GetType().Name}).");
        }

        try
        {
            return new UserSigFields(
                Text(fields, "TLS.ver"),
                Text(fields, "TLS.identifier"),
                checked((uint)Number(fields, "TLS.sdkappid")),
                DateTimeOffset.FromUnixTimeSeconds(Number(fields, "TLS.time")),
                TimeSpan.FromSeconds(Number(fields, "TLS.expire")),
                Text(fields, "TLS.sig"));
        }
        catch (Exception ex) when (ex is OverflowException or ArgumentOutOfRangeException)
        {
            throw new FormatException("The UserSig has a field out of range.");
        }
    }

    /// <summary>True when the UserSig's signature matches its fields under this secret key (expiry is not checked).</summary>
    public static bool Verify(string userSig, string secretKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(secretKey);
        var fields = Decode(userSig);
        var expected = ComputeSignature(
            fields.SdkAppId, secretKey, fields.Identifier, (long)fields.Expire.TotalSeconds, fields.Time.ToUnixTimeSeconds());
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(fields.Signature));
    }

    internal static string ComputeSignature(uint sdkAppId, string secretKey, string identifier, long expireSeconds, long unixTime)
    {
        var content = string.Create(
            CultureInfo.InvariantCulture,
            $"TLS.identifier:{identifier}\nTLS.sdkappid:{sdkAppId}\nTLS.time:{unixTime}\nTLS.expire:{expireSeconds}\n");
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secretKey), Encoding.UTF8.GetBytes(content));
        return Convert.ToBase64String(mac);
    }

    private static byte[] Inflate(byte[] packed)
    {
        using var zlib = new ZLibStream(new MemoryStream(packed), CompressionMode.Decompress);
        using var output = new MemoryStream();
        var buffer = new byte[4096];
        int read;
        while ((read = zlib.Read(buffer)) > 0)
        {
            if (output.Length + read > MaxDecodedBytes)
            {
                throw new InvalidDataException("The decompressed UserSig is too large.");
            }

            output.Write(buffer, 0, read);
        }

        return output.ToArray();
    }

    private static string Text(JObject fields, string name) =>
        fields[name] is JValue { Value: not null } value
            ? Convert.ToString(value.Value, CultureInfo.InvariantCulture)!
            : throw new FormatException($"The UserSig has no {name}.");

    private static long Number(JObject fields, string name) =>
        long.TryParse(Text(fields, name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new FormatException($"The UserSig's {name} is not a whole number.");
}

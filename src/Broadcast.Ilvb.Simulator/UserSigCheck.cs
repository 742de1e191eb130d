using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Broadcast.Ilvb.Simulator;

/// <summary>
/// Checks a TLSSigAPIv2 UserSig as the vendor does: the HMAC-SHA256 of its fields under the application's secret
/// key, the account it was issued to, the application and the expiry. Written apart from the client's generator, so
/// each checks the other. Its answers never repeat the sig or the key.
/// </summary>
internal static class UserSigCheck
{
    private const int MaxInflatedBytes = 64 * 1024;

    /// <summary>Why the sig is refused (the text of a -4 answer), or null when it is valid for this account now.</summary>
    public static string? Problem(string userSig, string identifier, string secretKey, uint sdkAppId, DateTimeOffset now)
    {
        if (Read(userSig) is not { } fields)
        {
            return "the usersig is not a TLSSigAPIv2 token";
        }

        if (!fields.Text("TLS.identifier", out var issuedTo) || !fields.Number("TLS.sdkappid", out var appId)
            || !fields.Number("TLS.time", out var time) || !fields.Number("TLS.expire", out var expire) || !fields.Text("TLS.sig", out var sig))
        {
            return "the usersig lacks one of TLS.identifier, TLS.sdkappid, TLS.time, TLS.expire and TLS.sig";
        }

        var content = string.Create(CultureInfo.InvariantCulture, $"TLS.identifier:{issuedTo}\nTLS.sdkappid:{appId}\nTLS.time:{time}\nTLS.expire:{expire}\n");
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secretKey), Encoding.UTF8.GetBytes(content));
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Convert.ToBase64String(expected)), Encoding.ASCII.GetBytes(sig)))
        {
            return "the usersig's signature does not match this application's secret key";
        }

        if (issuedTo != identifier)
        {
            return $"the usersig was issued to account '{issuedTo}', not to the query's identifier '{identifier}'";
        }

        if (appId != sdkAppId)
        {
            return $"the usersig was issued for sdkappid {appId}, not for this application";
        }

        if (time + expire <= now.ToUnixTimeSeconds())
        {
            return $"the usersig expired at {DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(time + expire, 0, 253402300799)):yyyy-MM-dd HH:mm:ss}Z";
        }

        return null;
    }

    private static Fields? Read(string userSig)
    {
        try
        {
            var packed = Convert.FromBase64String(userSig.Replace('*', '+').Replace('-', '/').Replace('_', '='));
            using var zlib = new ZLibStream(new MemoryStream(packed), CompressionMode.Decompress);
            using var json = new MemoryStream();
            var buffer = new byte[4096];
            for (int read; (read = zlib.Read(buffer)) > 0;)
            {
                if (json.Length + read > MaxInflatedBytes)
                {
                    return null;
                }

                json.Write(buffer, 0, read);
            }

            using var document = JsonDocument.Parse(json.ToArray());
            return document.RootElement.ValueKind == JsonValueKind.Object ? new Fields(document.RootElement.Clone()) : null;
        }
        catch (Exception e) when (e is FormatException or InvalidDataException or JsonException)
        {
            return null;
        }
    }

    /// <summary>The sig's JSON; generators write numbers as numbers or as text, so both are read.</summary>
    private sealed class Fields(JsonElement root)
    {
        public bool Text(string name, out string value)
        {
            value = root.TryGetProperty(name, out var field) && field.ValueKind == JsonValueKind.String ? field.GetString()! : "";
            return value.Length > 0;
        }

        public bool Number(string name, out long value)
        {
            value = 0;
            return root.TryGetProperty(name, out var field) && field.ValueKind switch
            {
                JsonValueKind.Number => field.TryGetInt64(out value),
                JsonValueKind.String => long.TryParse(field.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out value),
                _ => false,
            };
        }
    }
}

using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Broadcast.Ilvb.Simulator;

/// <summary>
/// Reads the standalone simulator's options from configuration (command line <c>--key value</c>,
/// or environment variables <c>ILVBSIM_key</c>): <c>urls</c>, <c>sdkappid</c>, <c>channelLimit</c>,
/// <c>responseShape</c>, <c>seedRateTypeKey</c>, <c>certificate</c> (a PFX path),
/// <c>certificatePassword</c>, <c>requireClientCertificate</c>, <c>secretKey</c> (check every usersig with it).
/// </summary>
internal static class SimulatorConfiguration
{
    public const string DefaultUrl = "http://127.0.0.1:7090";

    public static SimulatorOptions Read(IConfiguration configuration)
    {
        var options = new SimulatorOptions
        {
            // The framework's per-request lines would drown the simulator's own call log.
            ConfigureLogging = logging => logging
                .AddSimpleConsole(console => console.SingleLine = true)
                .SetMinimumLevel(LogLevel.Information)
                .AddFilter("Microsoft", LogLevel.Warning),
        };

        if (configuration["sdkappid"] is { } appId)
        {
            options.SdkAppId = uint.TryParse(appId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id != 0
                ? id
                : throw new ArgumentException($"sdkappid '{appId}' is not a non-zero unsigned 32-bit integer.");
        }

        if (configuration["channelLimit"] is { } limit)
        {
            options.ChannelLimit = int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
                ? n
                : throw new ArgumentException($"channelLimit '{limit}' is not a non-negative integer.");
        }

        if (configuration["responseShape"] is { } shape)
        {
            options.ResponseShape = Enum.TryParse<ResponseShape>(shape, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
                ? parsed
                : throw new ArgumentException($"responseShape '{shape}' must be Wrapped, Flat or Alternating.");
        }

        if (configuration["secretKey"] is { Length: > 0 } secretKey)
        {
            options.SecretKey = secretKey;
        }

        options.SeedRateTypeKey = ReadBool(configuration, "seedRateTypeKey", options.SeedRateTypeKey);
        options.RequireClientCertificate = ReadBool(configuration, "requireClientCertificate", false);
        if (configuration["certificate"] is { Length: > 0 } path)
        {
            options.ServerCertificate = LoadCertificate(path, configuration["certificatePassword"]);
        }

        var url = configuration["urls"] ?? (options.ServerCertificate is null ? DefaultUrl : "https://127.0.0.1:7091");
        options.Url = url.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault()
            ?? throw new ArgumentException("urls must name one URL, e.g. http://127.0.0.1:7090.");
        return options;
    }

    private static bool ReadBool(IConfiguration configuration, string key, bool fallback) =>
        configuration[key] switch
        {
            null => fallback,
            var value when bool.TryParse(value, out var b) => b,
            var value => throw new ArgumentException($"{key} '{value}' must be true or false."),
        };

    private static X509Certificate2 LoadCertificate(string path, string? password)
    {
        try
        {
            return X509CertificateLoader.LoadPkcs12FromFile(path, password);
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException)
        {
            // The password stays out of the message.
            throw new ArgumentException($"certificate '{path}' could not be loaded as a PFX file: {e.GetType().Name}.", e);
        }
    }
}

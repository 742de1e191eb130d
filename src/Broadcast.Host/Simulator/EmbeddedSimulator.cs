using System.Globalization;
using Broadcast.Ilvb.Simulator;

namespace Broadcast.Host;

/// <summary>
/// The ILVB simulator as the host's backend when no vendor endpoint is configured: its own Kestrel server on a free
/// loopback port (so it is never reachable from the network, whatever the host listens on), started when the ILVB
/// client's options are first read and stopped with the host.
/// </summary>
public sealed class EmbeddedSimulator : IAsyncDisposable
{
    /// <summary>The admin account the host calls the simulator as.</summary>
    public const string DevIdentifier = "administrator";

    /// <summary>The UserSig the host sends to the simulator when no <c>Ilvb:SecretKey</c> is set (the simulator then checks none).</summary>
    public const string DevUserSig = "simulator-dev-usersig";

    private readonly Lazy<IlvbSimulator> _simulator;
    private readonly ILogger<EmbeddedSimulator> _logger;

    /// <summary>Prepares the simulator; it starts on first use.</summary>
    public EmbeddedSimulator(IConfiguration configuration, TimeProvider time, ILogger<EmbeddedSimulator> logger)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        _logger = logger;
        var options = new SimulatorOptions
        {
            // Accept whatever sdkappid the client is configured with, so a half-configured vendor setup still runs.
            SdkAppId = uint.TryParse(configuration["Ilvb:SdkAppId"], NumberStyles.None, CultureInfo.InvariantCulture, out var appId) && appId > 0
                ? appId
                : SimulatorOptions.DefaultSdkAppId,
            TimeProvider = time,
            // With a secret key the host signs its own UserSigs; the simulator then checks each one as the vendor would.
            SecretKey = configuration["Ilvb:SecretKey"] is { Length: > 0 } secretKey && !Broadcast.Ilvb.KeyVaultReference.IsUnresolved(secretKey)
                ? secretKey
                : null,
        };
        _simulator = new Lazy<IlvbSimulator>(() => Start(options), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The running simulator: its state (rooms, live pushes and recordings) and its fault plan.</summary>
    public IlvbSimulator Simulator => _simulator.Value;

    /// <summary>Where the simulator listens.</summary>
    public Uri BaseUrl => Simulator.BaseUrl;

    /// <summary>
    /// True when the host should serve the simulator: <c>Host:UseSimulator</c> when set, else when neither
    /// <c>Ilvb:BaseUrl</c> nor <c>Ilvb:Environment</c> is configured.
    /// </summary>
    public static bool IsWanted(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (bool.TryParse(configuration["Host:UseSimulator"], out var explicitChoice))
        {
            return explicitChoice;
        }

        return string.IsNullOrWhiteSpace(configuration["Ilvb:BaseUrl"]) && string.IsNullOrWhiteSpace(configuration["Ilvb:Environment"]);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_simulator.IsValueCreated)
        {
            await _simulator.Value.DisposeAsync();
        }
    }

    private IlvbSimulator Start(SimulatorOptions options)
    {
        // Runs once, while the host validates its options before it starts (no synchronization context to deadlock on).
        var simulator = IlvbSimulator.StartAsync(options).GetAwaiter().GetResult();
        Log.SimulatorStarted(_logger, simulator.BaseUrl.ToString());
        return simulator;
    }
}

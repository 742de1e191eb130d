using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;

namespace Broadcast.Ilvb.Simulator;

/// <summary>How a simulator instance behaves. Defaults match the seeds' protocol.</summary>
public sealed class SimulatorOptions
{
    /// <summary>The default application id the simulator accepts.</summary>
    public const uint DefaultSdkAppId = 1400000000;

    /// <summary>The only <c>sdkappid</c> accepted (query and header); any other answers 1001.</summary>
    public uint SdkAppId { get; set; } = DefaultSdkAppId;

    /// <summary>
    /// Where <see cref="IlvbSimulator.StartAsync"/> listens, e.g. <c>http://127.0.0.1:7090</c>.
    /// Null means a free loopback port (<c>http://127.0.0.1:0</c>, or https when
    /// <see cref="ServerCertificate"/> is set). Not used when the endpoints are mapped into a host.
    /// </summary>
    public string? Url { get; set; }

    /// <summary>
    /// The application's secret key: when set, every request's <c>usersig</c> must be a TLSSigAPIv2 sig made with it,
    /// issued to the query's <c>identifier</c> for <see cref="SdkAppId"/> and not expired, or the answer is -4 (as the
    /// vendor's). Null accepts any non-empty sig. A secret: never logged.
    /// </summary>
    public string? SecretKey { get; set; }

    /// <summary>The number of pushes that may be live at once; null is unlimited. Beyond it a start answers 20101.</summary>
    public int? ChannelLimit { get; set; }

    /// <summary>The server certificate (with private key); enables https.</summary>
    public X509Certificate2? ServerCertificate { get; set; }

    /// <summary>Refuse TLS connections without a client certificate (mutual TLS). Needs <see cref="ServerCertificate"/>.</summary>
    public bool RequireClientCertificate { get; set; }

    /// <summary>
    /// Decides whether a presented client certificate is accepted. Null accepts any certificate
    /// (self-signed included), which is what tests usually want.
    /// </summary>
    public Func<X509Certificate2, bool>? ClientCertificateValidator { get; set; }

    /// <summary>How <c>rspbody</c> is laid out.</summary>
    public ResponseShape ResponseShape { get; set; } = ResponseShape.Wrapped;

    /// <summary>
    /// Write the LiveUrl bitrate key as the seed spells it, <c>"RateType "</c> with a trailing
    /// space; false writes <c>"RateType"</c>.
    /// </summary>
    public bool SeedRateTypeKey { get; set; } = true;

    /// <summary>The clock for timestamps, delays and latency.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>A recording yields one file id per started segment of this length (so long recordings return several ids).</summary>
    public TimeSpan RecordingSegmentLength { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How many calls the call log keeps; the oldest are dropped beyond it. Start counters are kept apart and exact.</summary>
    public int CallLogCapacity { get; set; } = 100_000;

    /// <summary>Logging for a simulator started with <see cref="IlvbSimulator.StartAsync"/>; null logs nothing.</summary>
    public Action<ILoggingBuilder>? ConfigureLogging { get; set; }

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first bad setting.</summary>
    public void Validate()
    {
        if (SdkAppId == 0)
        {
            throw new ArgumentException("SimulatorOptions.SdkAppId must be a non-zero unsigned 32-bit id.", nameof(SdkAppId));
        }

        if (SecretKey is { Length: 0 })
        {
            throw new ArgumentException("SimulatorOptions.SecretKey must be null (any usersig accepted) or non-empty.", nameof(SecretKey));
        }

        if (ChannelLimit is < 0)
        {
            throw new ArgumentException($"SimulatorOptions.ChannelLimit must be null (unlimited) or at least 0, not {ChannelLimit}.", nameof(ChannelLimit));
        }

        if (RecordingSegmentLength <= TimeSpan.Zero)
        {
            throw new ArgumentException("SimulatorOptions.RecordingSegmentLength must be positive.", nameof(RecordingSegmentLength));
        }

        if (CallLogCapacity <= 0)
        {
            throw new ArgumentException("SimulatorOptions.CallLogCapacity must be positive.", nameof(CallLogCapacity));
        }

        if (TimeProvider is null)
        {
            throw new ArgumentException("SimulatorOptions.TimeProvider must be set.", nameof(TimeProvider));
        }

        if (RequireClientCertificate && ServerCertificate is null)
        {
            throw new ArgumentException("SimulatorOptions.RequireClientCertificate needs a ServerCertificate (mutual TLS runs over https).", nameof(RequireClientCertificate));
        }

        if (ServerCertificate is { HasPrivateKey: false })
        {
            throw new ArgumentException("SimulatorOptions.ServerCertificate must carry its private key.", nameof(ServerCertificate));
        }
    }
}

using Broadcast.Ilvb;
using Broadcast.Ilvb.Simulator;
using Microsoft.Extensions.Configuration.Memory;

namespace Broadcast.Host;

/// <summary>Wires the embedded simulator in as the ILVB backend.</summary>
internal static class EmbeddedSimulatorExtensions
{
    /// <summary>
    /// Registers <see cref="EmbeddedSimulator"/>, points <see cref="IlvbOptions.BaseUrl"/> at it and supplies development
    /// credentials that any configured <c>Ilvb</c> value still overrides.
    /// </summary>
    public static void AddEmbeddedSimulator(this IHostApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var defaults = new Dictionary<string, string?>
        {
            ["Ilvb:SdkAppId"] = SimulatorOptions.DefaultSdkAppId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Ilvb:Identifier"] = EmbeddedSimulator.DevIdentifier,
        };
        if (string.IsNullOrWhiteSpace(configuration["Ilvb:SecretKey"]))
        {
            defaults["Ilvb:UserSig"] = EmbeddedSimulator.DevUserSig;
        }

        configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = defaults });
        builder.Services.AddSingleton<EmbeddedSimulator>();
        builder.Services.AddOptions<IlvbOptions>().PostConfigure<EmbeddedSimulator>((options, simulator) => options.BaseUrl = simulator.BaseUrl);
    }
}

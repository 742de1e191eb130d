using Microsoft.Extensions.Configuration;

namespace Broadcast.Ilvb.Simulator;

/// <summary>The standalone simulator: <c>dotnet run --project src/Broadcast.Ilvb.Simulator [--urls URL] [--sdkappid N] ...</c>.</summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var configuration = new ConfigurationBuilder()
            .AddEnvironmentVariables("ILVBSIM_")
            .AddCommandLine(args)
            .Build();

        SimulatorOptions options;
        try
        {
            options = SimulatorConfiguration.Read(configuration);
            options.Validate();
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync($"ILVB simulator: {e.Message}");
            return 2;
        }

        await using var simulator = await IlvbSimulator.StartAsync(options);
        Console.WriteLine($"ILVB simulator listening on {simulator.BaseUrl.ToString().TrimEnd('/')} (sdkappid {options.SdkAppId})");
        await simulator.WaitForShutdownAsync();
        return 0;
    }
}

using Broadcast.Ilvb.Simulator;
using Microsoft.Extensions.DependencyInjection;

namespace Broadcast.Ilvb.Tests;

/// <summary>A simulator on a loopback port and a real client pointed at it.</summary>
internal sealed class SimulatorHarness : IAsyncDisposable
{
    private SimulatorHarness(IlvbSimulator simulator, ServiceProvider services)
    {
        Simulator = simulator;
        Services = services;
    }

    public IlvbSimulator Simulator { get; }

    public ServiceProvider Services { get; }

    public IIlvbClient Client => Services.Client();

    public SimulatorState State => Simulator.State;

    public FaultPlan Faults => Simulator.Faults;

    /// <param name="simulator">Adjusts the simulator's options.</param>
    /// <param name="client">Adjusts the client's options.</param>
    /// <param name="clientTime">The client's clock; the simulator keeps the real one.</param>
    public static async Task<SimulatorHarness> StartAsync(
        Action<SimulatorOptions>? simulator = null, Action<IlvbOptions>? client = null, TimeProvider? clientTime = null)
    {
        var options = new SimulatorOptions { SdkAppId = TestClients.SdkAppId };
        simulator?.Invoke(options);
        var started = await IlvbSimulator.StartAsync(options);
        try
        {
            return new SimulatorHarness(started, TestClients.Build(started.BaseUrl, client, clientTime));
        }
        catch
        {
            await started.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Simulator.DisposeAsync();
    }
}

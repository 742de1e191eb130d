namespace Broadcast.Ilvb.Simulator.Tests;

/// <summary>A fresh simulator on a free loopback port for every test, and a raw client for it.</summary>
public abstract class SimulatorTest : IAsyncLifetime
{
    internal IlvbSimulator Simulator { get; private set; } = null!;

    internal SimClient Client { get; private set; } = null!;

    internal SimulatorState State => Simulator.State;

    internal FaultPlan Faults => Simulator.Faults;

    public async Task InitializeAsync()
    {
        Simulator = await IlvbSimulator.StartAsync(CreateOptions());
        Client = new SimClient(Simulator.BaseUrl);
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Simulator.DisposeAsync();
    }

    protected virtual SimulatorOptions CreateOptions() => new();
}

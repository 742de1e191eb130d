namespace Broadcast.Ilvb.Simulator.Tests;

public sealed class RandomFaultTests
{
    private static readonly RandomFaults Chaos = new(0.5, 1234, RandomFaultKinds.All) { MaxLatency = TimeSpan.FromMilliseconds(5) };

    [Fact]
    public async Task SameSeed_SameCalls_MeetTheSameFaults()
    {
        var first = await RunAsync(Chaos, calls: 40);
        var second = await RunAsync(Chaos, calls: 40);

        Assert.Equal(first, second);
        Assert.Contains(first, c => c.Fault is not null);
        Assert.Contains(first, c => c.Fault is null);
    }

    [Fact]
    public async Task DifferentSeed_MeetsDifferentFaults()
    {
        var first = await RunAsync(Chaos, calls: 40);
        var other = await RunAsync(Chaos with { Seed = 98765 }, calls: 40);

        Assert.NotEqual(first, other);
    }

    [Fact]
    public async Task RateZero_NeverFaults()
    {
        var calls = await RunAsync(new RandomFaults(0, 7), calls: 20);

        Assert.All(calls, c => Assert.Null(c.Fault));
    }

    [Fact]
    public async Task RateOne_TransientCodesOnly_EveryCallAnswersATransientCodeOfItsOperation()
    {
        await using var simulator = await IlvbSimulator.StartAsync(new SimulatorOptions());
        using var client = new SimClient(simulator.BaseUrl);
        simulator.State.JoinUser(1, "alice");
        simulator.Faults.SetRandom(new RandomFaults(1, 5, RandomFaultKinds.TransientCode));

        var pushCodes = new List<long>();
        for (var i = 0; i < 10; i++)
        {
            pushCodes.Add((await client.StartPushAsync(1, "alice")).Code);
        }

        var recordingCode = (await client.StartRecordingAsync(1, "alice")).Code;

        Assert.All(pushCodes, code => Assert.Contains(code, new long[] { 40000207, 40000208 }));
        Assert.Equal(2, pushCodes.Distinct().Count());
        Assert.Equal(30000208, recordingCode);
        Assert.Empty(simulator.State.ActivePushes);
    }

    [Fact]
    public async Task Operations_LimitWhichCallsAreFaulted()
    {
        await using var simulator = await IlvbSimulator.StartAsync(new SimulatorOptions());
        using var client = new SimClient(simulator.BaseUrl);
        simulator.State.JoinUser(1, "alice");
        simulator.Faults.SetRandom(new RandomFaults(1, 5, RandomFaultKinds.HttpError) { Operations = [SimOperation.StopPush] });

        var start = await client.StartPushAsync(1, "alice");
        using var stop = await client.PostRawAsync(Wire.Push(1, "alice", Wire.StopPushBody()).ToJsonString());

        Assert.Equal(0, start.Code);
        Assert.Equal(System.Net.HttpStatusCode.InternalServerError, stop.StatusCode);
        Assert.Single(simulator.State.ActivePushes);
    }

    private static async Task<List<(SimOperation? Operation, FaultKind? Fault, long? Code, TimeSpan Delay)>> RunAsync(RandomFaults faults, int calls)
    {
        await using var simulator = await IlvbSimulator.StartAsync(new SimulatorOptions());
        using var client = new SimClient(simulator.BaseUrl);
        simulator.State.JoinUser(1, "alice");
        simulator.Faults.SetRandom(faults);
        for (var i = 0; i < calls; i++)
        {
            try
            {
                using var response = await client.PostRawAsync(Wire.Push(1, "alice", i % 2 == 0 ? Wire.StartPushBody() : Wire.StopPushBody()).ToJsonString());
                await response.Content.ReadAsStringAsync();
            }
            catch (HttpRequestException)
            {
                // A dropped connection: part of the plan.
            }
        }

        await TimeAssist.WaitUntilAsync(() => simulator.State.Calls.Count == calls, "every call was logged");
        return [.. simulator.State.Calls.Select(c => (c.Operation, c.Fault, c.ResultCode, c.Delay))];
    }
}

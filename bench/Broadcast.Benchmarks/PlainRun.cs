using System.Diagnostics;
using Broadcast.Host;
using Broadcast.Ilvb;
using Broadcast.Sessions;
using Microsoft.Extensions.DependencyInjection;

namespace Broadcast.Benchmarks;

/// <summary>
/// The baseline: the same four vendor calls per session (start push, start recording, stop recording, stop push)
/// with the same client, simulator and concurrency, in a plain loop: no HTTP API, no engine, no durability.
/// </summary>
internal sealed class PlainRun : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly IIlvbClient _client;

    public PlainRun(InProcessHost host)
    {
        var simulator = host.Simulator;
        _services = new ServiceCollection()
            .AddLogging()
            .AddIlvbClient(options =>
            {
                options.BaseUrl = simulator.BaseUrl;
                options.SdkAppId = simulator.Options.SdkAppId;
                options.Identifier = EmbeddedSimulator.DevIdentifier;
                options.UserSig = EmbeddedSimulator.DevUserSig;
            })
            .BuildServiceProvider();
        _client = _services.GetRequiredService<IIlvbClient>();
    }

    public async Task<RunFigures> RunAsync(InProcessHost host, int offset, int count, int concurrency)
    {
        var meter = RunCost.Start();
        var clock = Stopwatch.StartNew();
        await Workers.RunAsync(count, concurrency, async i =>
        {
            var request = Sessions.Full("plain", offset + i);
            host.Simulator.State.JoinUser(request.RoomId, request.UserId);
            await StartAsync(request);
            await StopAsync(request);
        });
        clock.Stop();
        return new RunFigures(count, concurrency, clock.Elapsed, []) { Cost = meter.Stop(count) };
    }

    /// <summary>The session's first two vendor calls: start the push, then the recording.</summary>
    public async Task StartAsync(SessionRequest request)
    {
        var target = new StreamTarget(request.RoomId, request.UserId);
        await _client.StartPushAsync(new StartPushRequest { Target = target, ChannelName = request.ChannelName, LiveCode = request.LiveCode });
        await _client.StartRecordingAsync(new StartRecordingRequest { Target = target, FileName = request.Recording!.FileName! });
    }

    /// <summary>The session's last two vendor calls: stop the recording, then the push.</summary>
    public async Task StopAsync(SessionRequest request)
    {
        var target = new StreamTarget(request.RoomId, request.UserId);
        await _client.StopRecordingAsync(new StopRecordingRequest { Target = target });
        await _client.StopPushAsync(new StopPushRequest { Target = target });
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}

using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Broadcast.Ilvb.Simulator.Tests;

public sealed class HostingTests
{
    [Fact]
    public async Task StartAsync_NoUrl_ListensOnADistinctFreeLoopbackPort()
    {
        await using var first = await IlvbSimulator.StartAsync(new SimulatorOptions());
        await using var second = await IlvbSimulator.StartAsync(new SimulatorOptions());

        Assert.Equal(("http", "127.0.0.1"), (first.BaseUrl.Scheme, first.BaseUrl.Host));
        Assert.EndsWith("/", first.BaseUrl.AbsoluteUri, StringComparison.Ordinal);
        Assert.NotEqual(0, first.BaseUrl.Port);
        Assert.NotEqual(first.BaseUrl.Port, second.BaseUrl.Port);
        Assert.Equal(new Uri(first.BaseUrl, "v3/openim/videorelay"), first.VideorelayUrl);
        using var client = new SimClient(second.BaseUrl);
        Assert.Equal(40000412, (await client.StopPushAsync(1, "alice")).Code);
    }

    [Fact]
    public async Task StartAsync_GivenUrl_ListensThere()
    {
        var port = FreePort();

        await using var simulator = await IlvbSimulator.StartAsync(new SimulatorOptions { Url = $"http://127.0.0.1:{port}" });

        Assert.Equal(new Uri($"http://127.0.0.1:{port}/"), simulator.BaseUrl);
    }

    [Fact]
    public async Task DisposeAsync_ReleasesThePort()
    {
        var simulator = await IlvbSimulator.StartAsync(new SimulatorOptions());
        using var client = new SimClient(simulator.BaseUrl);
        await client.StopPushAsync(1, "alice");

        await simulator.DisposeAsync();

        using var fresh = new SimClient(simulator.BaseUrl);
        await Assert.ThrowsAsync<HttpRequestException>(() => fresh.StopPushAsync(1, "alice"));
    }

    [Theory]
    [InlineData("ftp://127.0.0.1:1", "Url")]
    [InlineData("https://127.0.0.1:0", "ServerCertificate")]
    [InlineData("http://example.invalid:80", "host")]
    public async Task StartAsync_BadUrl_ThrowsNamingTheProblem(string url, string named)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => IlvbSimulator.StartAsync(new SimulatorOptions { Url = url }));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MapIlvbSimulator_InAnExistingApp_ServesUnderTheGroupPrefix()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Services.AddRoutingCore();
        await using var app = builder.Build();
        var state = new SimulatorState();
        var faults = new FaultPlan();
        app.MapGroup("/ilvb").MapIlvbSimulator(state, faults, new SimulatorOptions { SdkAppId = 1400000777 });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var client = new SimClient(new Uri(address + "/ilvb/"));
        state.JoinUser(4, "alice");

        var reply = await client.SendAsync(
            Wire.Envelope(Wire.Head(6, 4, "alice", sdkAppId: 1400000777), "req_0x6", Wire.StartPushBody()),
            Wire.Query(sdkAppId: "1400000777"));
        var health = await client.Http.GetFromJsonAsync<JsonObject>("control/health");

        Assert.Equal(0, reply.Code);
        Assert.Single(state.ActivePushes);
        Assert.Equal(1400000777u, health!["sdkAppId"]!.GetValue<uint>());
        await app.StopAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

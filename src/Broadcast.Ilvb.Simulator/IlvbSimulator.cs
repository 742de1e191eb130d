using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Broadcast.Ilvb.Simulator;

/// <summary>
/// A running simulator on its own Kestrel server: the videorelay endpoint at
/// <c>{BaseUrl}v3/openim/videorelay</c> and the control API at <c>{BaseUrl}control/</c>.
/// </summary>
public sealed class IlvbSimulator : IAsyncDisposable
{
    private readonly WebApplication app;
    private int disposed;

    private IlvbSimulator(WebApplication app, Uri baseUrl, SimulatorOptions options, SimulatorState state, FaultPlan faults)
    {
        this.app = app;
        BaseUrl = baseUrl;
        Options = options;
        State = state;
        Faults = faults;
    }

    /// <summary>The server's root, ending with '/', e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseUrl { get; }

    /// <summary>The videorelay endpoint (<c>{BaseUrl}v3/openim/videorelay</c>), without a query string.</summary>
    public Uri VideorelayUrl => new(BaseUrl, VideorelayEndpoint.Path.TrimStart('/'));

    /// <summary>The options the simulator runs with.</summary>
    public SimulatorOptions Options { get; }

    /// <summary>Rooms, live pushes and recordings, and the call log.</summary>
    public SimulatorState State { get; }

    /// <summary>Faults on demand.</summary>
    public FaultPlan Faults { get; }

    /// <summary>
    /// Starts a simulator: on <see cref="SimulatorOptions.Url"/>, or on a free loopback port
    /// (https when a server certificate is set).
    /// </summary>
    /// <exception cref="ArgumentException">An option is invalid; the message names it.</exception>
    public static async Task<IlvbSimulator> StartAsync(SimulatorOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var state = new SimulatorState(options.CallLogCapacity);
        var faults = new FaultPlan();
        var url = options.Url ?? (options.ServerCertificate is null ? "http://127.0.0.1:0" : "https://127.0.0.1:0");
        var app = SimulatorHost.Build(options, state, faults, url);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        var baseUrl = BoundAddress(app);
        Log.Listening(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Broadcast.Ilvb.Simulator"), baseUrl, options.SdkAppId);
        return new IlvbSimulator(app, baseUrl, options, state, faults);
    }

    /// <summary>Completes when the host is asked to stop (Ctrl+C, SIGTERM) or the token is cancelled.</summary>
    internal Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => app.WaitForShutdownAsync(cancellationToken);

    /// <summary>Stops the server and releases its port.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        try
        {
            await app.StopAsync();
        }
        finally
        {
            await app.DisposeAsync();
        }
    }

    private static Uri BoundAddress(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        var builder = new UriBuilder(addresses.First());
        if (builder.Host is "0.0.0.0" or "[::]" or "::")
        {
            // A wildcard listener is reachable on loopback; a wildcard is no address to call.
            builder.Host = "127.0.0.1";
        }

        builder.Path = "/";
        return builder.Uri;
    }
}

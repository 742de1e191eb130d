using Broadcast.Host;
using Broadcast.Ilvb.Simulator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Broadcast.Dashboard.Tests;

/// <summary>
/// The real host on a free loopback port with an API key, a SQLite file in a temp folder and the in-process
/// simulator as its backend (so the dashboard is in dev mode).
/// </summary>
public sealed class DashboardHost : IAsyncDisposable
{
    public const string ApiKey = "dashboard-test-key";

    private readonly WebApplication _app;
    private readonly DirectoryInfo _folder;

    private DashboardHost(WebApplication app, DirectoryInfo folder)
    {
        _app = app;
        _folder = folder;
        BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First() + "/");
        Simulator = app.Services.GetRequiredService<EmbeddedSimulator>().Simulator;
    }

    public Uri BaseAddress { get; }

    public IlvbSimulator Simulator { get; }

    public static async Task<DashboardHost> StartAsync()
    {
        var folder = Directory.CreateTempSubdirectory("broadcast-dashboard-test-");
        var app = BroadcastHostApp.Build([], builder => builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["Engine:DatabasePath"] = Path.Combine(folder.FullName, "broadcast.db"),
            ["Host:ApiKey"] = ApiKey,
            ["Host:PrintSummary"] = "false",
            ["Host:UseSimulator"] = "true",
            ["Queues:ConnectionString"] = "",
            ["Logging:LogLevel:Default"] = "Warning",
        }));
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            folder.Delete(recursive: true);
            throw;
        }

        return new DashboardHost(app, folder);
    }

    /// <summary>A client for the host; with <paramref name="withKey"/> it sends the API key.</summary>
    public HttpClient CreateClient(bool withKey)
    {
        var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        if (withKey)
        {
            http.DefaultRequestHeaders.Add(HostOptions.ApiKeyHeader, ApiKey);
        }

        return http;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _app.StopAsync();
        }
        finally
        {
            await _app.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                _folder.Delete(recursive: true);
            }
            catch (IOException)
            {
                // A temp folder left behind does not change any result.
            }
        }
    }
}

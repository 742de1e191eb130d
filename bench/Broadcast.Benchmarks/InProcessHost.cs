using Broadcast.Durable;
using Broadcast.Host;
using Broadcast.Ilvb.Simulator;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Broadcast.Benchmarks;

/// <summary>
/// The host as <c>dotnet run</c> starts it (HTTP API on loopback, SQLite file, the simulator in-process on its own
/// loopback port), built in this process so the benchmark can read the simulator's call log and await completions.
/// </summary>
internal sealed class InProcessHost : IAsyncDisposable
{
    public const string ApiKey = "bench-key";
    private readonly WebApplication _app;
    private readonly DirectoryInfo _folder;

    private InProcessHost(WebApplication app, DirectoryInfo folder)
    {
        _app = app;
        _folder = folder;
        Http = ApiClient.For(app);
        Simulator = app.Services.GetRequiredService<EmbeddedSimulator>().Simulator;
        Orchestrations = app.Services.GetRequiredService<IOrchestrationClient>();
    }

    /// <summary>A client of the host's HTTP API that sends the API key.</summary>
    public HttpClient Http { get; }

    public IlvbSimulator Simulator { get; }

    /// <summary>The engine's client, to await completions without polling the API.</summary>
    public IOrchestrationClient Orchestrations { get; }

    /// <summary>Every run ends with nothing live at the vendor; a push or recording still running fails the benchmark.</summary>
    public void ThrowIfAnythingLive()
    {
        if (Simulator.State.ActivePushes.Count + Simulator.State.ActiveRecordings.Count > 0)
        {
            throw new InvalidOperationException("A push or recording was left running at the simulator.");
        }
    }

    public static async Task<InProcessHost> StartAsync(IReadOnlyDictionary<string, string> overrides)
    {
        var folder = Directory.CreateTempSubdirectory("broadcast-bench-");
        var settings = Settings(folder.FullName);
        foreach (var (key, value) in overrides)
        {
            settings[key] = value;
        }

        var app = BroadcastHostApp.Build([], builder => builder.Configuration.AddInMemoryCollection(settings));
        app.Urls.Clear();
        app.Urls.Add("http://127.0.0.1:0");
        await app.StartAsync();
        return new InProcessHost(app, folder);
    }

    /// <summary>The host's settings in the benchmark: its defaults but for a temp database, the API key and quiet logs.</summary>
    public static Dictionary<string, string?> Settings(string folder) => new()
    {
        ["Engine:DatabasePath"] = Path.Combine(folder, "broadcast.db"),
        ["Host:ApiKey"] = ApiKey,
        ["Host:PrintSummary"] = "false",
        ["Host:UseSimulator"] = "true",
        ["Logging:LogLevel:Default"] = "Warning",
    };

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            _folder.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind changes no figure.
        }
    }
}

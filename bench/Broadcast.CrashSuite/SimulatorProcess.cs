using System.Globalization;
using System.Net.Http.Json;
using Broadcast.Ilvb.Simulator;

namespace Broadcast.CrashSuite;

/// <summary>
/// The ILVB simulator as its own process (it is never killed: it is the vendor), and the calls to its control API:
/// join an anchor, switch random faults on and off, read what is live and the call log.
/// </summary>
internal sealed class SimulatorProcess : IAsyncDisposable
{
    private readonly ChildProcess _process;
    private readonly HttpClient _http;

    private SimulatorProcess(ChildProcess process, Uri baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
        _http = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri BaseUrl { get; }

    public static async Task<SimulatorProcess> StartAsync(string folder, CancellationToken cancellationToken)
    {
        var port = FreePort.Next();
        var baseUrl = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
        var process = ChildProcess.Start(
            "simulator",
            "dotnet",
            [RepositoryPaths.Program("Broadcast.Ilvb.Simulator"), "--urls", baseUrl.ToString().TrimEnd('/')],
            new Dictionary<string, string> { ["Logging__LogLevel__Default"] = "Warning" },
            folder,
            Path.Combine(folder, "simulator.log"));
        var simulator = new SimulatorProcess(process, baseUrl);
        if (!await Waiting.UntilAsync(simulator.IsHealthyAsync, TimeSpan.FromSeconds(60), cancellationToken))
        {
            await simulator.DisposeAsync();
            throw new InvalidOperationException($"The simulator did not answer /control/health within 60 s; see {Path.Combine(folder, "simulator.log")}.");
        }

        return simulator;
    }

    /// <summary>Random faults on every operation: transient codes, HTTP 500, dropped connections (before and after processing), latency.</summary>
    public async Task SetRandomFaultsAsync(double rate, int seed, CancellationToken cancellationToken)
    {
        var request = new FaultRequest { Kind = FaultRequestKind.Random, Rate = rate, Seed = seed, MaxLatencyMs = 200 };
        using var response = await _http.PostAsJsonAsync("control/faults", request, ControlJson.Options, cancellationToken);
        await EnsureAsync(response, "POST /control/faults", cancellationToken);
    }

    /// <summary>Holds the answer to the next call of <paramref name="operation"/> for <paramref name="hold"/> after the vendor acted on it.</summary>
    public async Task HoldNextAnswerAsync(SimOperation operation, TimeSpan hold, CancellationToken cancellationToken)
    {
        var request = new FaultRequest
        {
            Kind = FaultRequestKind.Delay, Operation = operation, Timing = FaultTiming.AfterProcessing, DelayMs = (int)hold.TotalMilliseconds, Count = 1,
        };
        using var response = await _http.PostAsJsonAsync("control/faults", request, ControlJson.Options, cancellationToken);
        await EnsureAsync(response, "POST /control/faults", cancellationToken);
    }

    public async Task ClearFaultsAsync(CancellationToken cancellationToken)
    {
        using var response = await _http.DeleteAsync("control/faults", cancellationToken);
        await EnsureAsync(response, "DELETE /control/faults", cancellationToken);
    }

    /// <summary>Puts the anchor in the room: the vendor refuses a push for a user who is not there.</summary>
    public async Task JoinAsync(uint roomId, string userId, CancellationToken cancellationToken)
    {
        using var response = await _http.PostAsync(
            $"control/rooms/{roomId.ToString(CultureInfo.InvariantCulture)}/users/{Uri.EscapeDataString(userId)}", null, cancellationToken);
        await EnsureAsync(response, "POST /control/rooms/.../users/...", cancellationToken);
    }

    public async Task<LiveView> LiveAsync(CancellationToken cancellationToken) =>
        await _http.GetFromJsonAsync<LiveView>("control/live", ControlJson.Options, cancellationToken)
        ?? throw new InvalidOperationException("GET /control/live answered null.");

    public async Task<IReadOnlyList<CallRecord>> CallsAsync(CancellationToken cancellationToken) =>
        await _http.GetFromJsonAsync<List<CallRecord>>("control/calls", ControlJson.Options, cancellationToken)
        ?? throw new InvalidOperationException("GET /control/calls answered null.");

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _process.DisposeAsync();
    }

    private async Task<bool> IsHealthyAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var response = await _http.GetAsync("control/health", cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private static async Task EnsureAsync(HttpResponseMessage response, string call, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException(
                $"{call} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }
    }
}

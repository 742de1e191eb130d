using System.Globalization;
using Broadcast.Host;

namespace Broadcast.CrashSuite;

/// <summary>
/// The embedded host as a child process (<c>dotnet Broadcast.Host.dll</c>) on a loopback port, with its SQLite file,
/// the simulator as its vendor, Azurite as its queues and short retry schedules, all through environment variables.
/// It can be killed with SIGKILL and started again on the same database.
/// </summary>
internal sealed class HostProcess : IAsyncDisposable
{
    public const string ApiKey = "crash-suite-key";

    private readonly string _folder;
    private readonly Dictionary<string, string> _environment;
    private readonly TimeProvider _time;
    private readonly List<(DateTimeOffset From, DateTimeOffset To)> _outages = [];
    private readonly List<string> _unplannedExits = [];
    private DateTimeOffset? _downSince;
    private ChildProcess? _process;
    private int _port;

    public HostProcess(string folder, Uri vendor, string queues, TimeProvider time)
    {
        _folder = folder;
        _time = time;
        _environment = new Dictionary<string, string>
        {
            ["Engine__DatabasePath"] = Path.Combine(folder, "broadcast.db"),
            ["Host__ApiKey"] = ApiKey,
            ["Host__PrintSummary"] = "false",
            ["Ilvb__BaseUrl"] = vendor.ToString(),
            ["Ilvb__SdkAppId"] = "1400000000",
            ["Ilvb__Identifier"] = "administrator",
            ["Ilvb__UserSig"] = "crash-suite-usersig",
            ["Ilvb__RequestTimeout"] = "00:00:02",
            ["Queues__ConnectionString"] = queues,
            ["Queues__VisibilityTimeout"] = "00:00:10",
            ["Queues__RetryDelay"] = "00:00:01",
            ["Queues__MaxPollingInterval"] = "00:00:00.500",
            ["Sessions__StartRetry__FirstDelay"] = "00:00:00.200",
            ["Sessions__StartRetry__MaxDelay"] = "00:00:01",
            ["Sessions__StartRetry__MaxAttempts"] = "6",
            ["Sessions__StopRetry__FirstDelay"] = "00:00:00.200",
            ["Sessions__StopRetry__MaxDelay"] = "00:00:02",
            // Off, so the checks see only what the sessions stopped themselves: a sweeper pass at each start would stop a
            // push a crashed session forgot, and hide that. The sweeper has tests of its own.
            ["Sweeper__Enabled"] = "false",
            ["Logging__LogLevel__Default"] = "Warning",
            ["DOTNET_gcServer"] = "0",
        };
    }

    public Uri BaseUrl => new($"http://127.0.0.1:{_port.ToString(CultureInfo.InvariantCulture)}/");

    public int Starts { get; private set; }

    /// <summary>Each time the host was found ended without being killed, when and how (a host must run until killed).</summary>
    public IReadOnlyList<string> UnplannedExits => _unplannedExits;

    /// <summary>When the host was not serving: from each kill until it answered again.</summary>
    public IReadOnlyList<(DateTimeOffset From, DateTimeOffset To)> Outages => _outages;

    /// <summary>How long the host was not serving over the whole run.</summary>
    public TimeSpan Downtime => TimeSpan.FromTicks(_outages.Sum(outage => (outage.To - outage.From).Ticks));

    /// <summary>How much of the span from <paramref name="from"/> to <paramref name="to"/> the host was down.</summary>
    public TimeSpan DownBetween(DateTimeOffset from, DateTimeOffset to) => TimeSpan.FromTicks(_outages.Sum(outage =>
        Math.Max(0, (Min(outage.To, to) - Max(outage.From, from)).Ticks)));

    /// <summary>Starts the host and waits until <c>/healthz</c> answers 200.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _port = _port == 0 ? FreePort.Next() : _port;
        for (var attempt = 1; ; attempt++)
        {
            _process = ChildProcess.Start(
                "host",
                "dotnet",
                [RepositoryPaths.Program("Broadcast.Host"), "--urls", BaseUrl.ToString().TrimEnd('/')],
                _environment,
                _folder,
                Path.Combine(_folder, "host.log"));
            Starts++;
            var process = _process;
            var settled = await Waiting.UntilAsync(
                async token => process.HasExited || await IsHealthyAsync(token), TimeSpan.FromSeconds(60), cancellationToken);
            if (settled && !process.HasExited)
            {
                if (_downSince is { } since)
                {
                    _outages.Add((since, _time.GetUtcNow()));
                    _downSince = null;
                }

                return;
            }

            var exited = _process.HasExited;
            await _process.DisposeAsync();
            if (exited)
            {
                Console.WriteLine($"  [host] start {Starts} ended before it was healthy; trying again on another port (see {Path.Combine(_folder, "host.log")})");
            }

            if (!exited || attempt == 3)
            {
                throw new InvalidOperationException($"The host did not become healthy (start {Starts}); see {Path.Combine(_folder, "host.log")}.");
            }

            // The port may still be held by the killed process's sockets: move to another one.
            _port = FreePort.Next();
        }
    }

    /// <summary>SIGKILL, then a fresh process on the same database.</summary>
    public async Task KillAndRestartAsync(CancellationToken cancellationToken)
    {
        if (_process is not null)
        {
            if (_process.HasExited)
            {
                _unplannedExits.Add($"start {Starts} had ended by itself before kill {Starts} at {_time.GetUtcNow():HH:mm:ss.fff}");
            }

            _downSince = _time.GetUtcNow();
            await _process.KillAsync();
            await _process.DisposeAsync();
        }

        await StartAsync(cancellationToken);
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    public long ResidentBytes() => _process?.ResidentBytes() ?? 0;

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }
    }

    private async Task<bool> IsHealthyAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            using var response = await http.GetAsync(new Uri(BaseUrl, HealthApi.Path.TrimStart('/')), cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (Exception e) when ((e is HttpRequestException || e is TaskCanceledException) && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}

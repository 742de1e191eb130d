using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using Broadcast.Durable;
using Broadcast.Host;
using Broadcast.Sessions;

namespace Broadcast.Benchmarks;

/// <summary>
/// The host as its own process (<c>dotnet Broadcast.Host.dll</c>, simulator in-process, SQLite file), so its resident
/// memory is the host's alone: read idle, then with many sessions created and parked on their join signal.
/// </summary>
internal static class MemoryRun
{
    public static async Task<MemoryFigures> RunAsync(int waiting, IReadOnlyDictionary<string, string> overrides)
    {
        var folder = Directory.CreateTempSubdirectory("broadcast-bench-memory-");
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder.FullName,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Broadcast.Host.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
        var settings = InProcessHost.Settings(folder.FullName);
        foreach (var (key, value) in overrides)
        {
            settings[key] = value;
        }

        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the host.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}"), Timeout = TimeSpan.FromMinutes(2) };
        http.DefaultRequestHeaders.Add(HostOptions.ApiKeyHeader, InProcessHost.ApiKey);
        try
        {
            await WaitAsync(async () => (await TryGetAsync(http, HealthApi.Path)) == HttpStatusCode.OK, "the host to answer /healthz");
            await Task.Delay(TimeSpan.FromSeconds(3));
            var idle = ProcessMemory.Of(process.Id);

            await Workers.RunAsync(waiting, 32, async i =>
            {
                using var response = await http.PostAsJsonAsync("/api/sessions", Sessions.Full("wait", i), DurableJson.Options);
                if (response.StatusCode != HttpStatusCode.Created)
                {
                    throw new InvalidOperationException($"create answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                }
            });

            // Measured only once every session is parked at its join wait, counted by the host itself.
            var verified = 0;
            await WaitAsync(async () => (verified = await CountWaitingAsync(http)) == waiting, $"all {waiting:N0} sessions to wait for their anchor");

            await Task.Delay(TimeSpan.FromSeconds(5));
            var parked = ProcessMemory.Of(process.Id);
            return new MemoryFigures(waiting, verified, idle.ResidentBytes, parked.ResidentBytes, parked.PeakResidentBytes);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            try
            {
                folder.Delete(recursive: true);
            }
            catch (IOException)
            {
                // A temp folder left behind changes no figure.
            }
        }
    }

    private static async Task<int> CountWaitingAsync(HttpClient http)
    {
        var count = 0;
        string? token = null;
        do
        {
            var page = await http.GetFromJsonAsync<SessionPage>(
                "/api/sessions?status=WaitingForJoin&pageSize=500" + (token is null ? "" : "&continuationToken=" + Uri.EscapeDataString(token)),
                DurableJson.Options);
            count += page!.Items.Count;
            token = page.ContinuationToken;
        }
        while (token is not null);

        return count;
    }

    private static async Task<HttpStatusCode?> TryGetAsync(HttpClient http, string path)
    {
        try
        {
            using var response = await http.GetAsync(path);
            return response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    private static async Task WaitAsync(Func<Task<bool>> condition, string what)
    {
        var until = DateTime.UtcNow + TimeSpan.FromMinutes(3);
        while (!await condition())
        {
            if (DateTime.UtcNow > until)
            {
                throw new InvalidOperationException($"Gave up waiting for {what}.");
            }

            await Task.Delay(200);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Broadcast.Ledger.AzureTables.Tests;

/// <summary>
/// A real Azurite table service from <c>tools/azurite</c> (installed by <c>./test.sh</c>) on a free loopback port, in
/// memory, killed when the tests end. Azurite does not report a port it picked itself, so a free one is chosen first.
/// </summary>
public sealed class AzuriteTables : IAsyncLifetime
{
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private Process? process;
    private DirectoryInfo? folder;

    /// <summary>The connection string of the running emulator (the well-known development account).</summary>
    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var binary = Path.Combine(RepositoryRoot(), "tools", "azurite", "node_modules", ".bin", "azurite-table");
        if (!File.Exists(binary))
        {
            throw new InvalidOperationException($"Azurite is missing ({binary}): run ./test.sh, or 'npm ci' in tools/azurite.");
        }

        folder = Directory.CreateTempSubdirectory("broadcast-azurite-tables-");
        for (var attempt = 1; ; attempt++)
        {
            var port = FreePort();
            process = Start(binary, port);
            if (await ListensAsync(port))
            {
                ConnectionString = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};TableEndpoint=http://127.0.0.1:{port}/devstoreaccount1;";
                return;
            }

            await StopAsync();
            if (attempt == 3)
            {
                throw new InvalidOperationException($"Azurite ({binary}) did not listen on a free loopback port after {attempt} attempts.");
            }
        }
    }

    public async Task DisposeAsync()
    {
        await StopAsync();
        try
        {
            folder?.Delete(recursive: true);
        }
        catch (IOException)
        {
            // Nothing depends on the folder being gone.
        }
    }

    private Process Start(string binary, int port)
    {
        var start = new ProcessStartInfo(binary)
        {
            WorkingDirectory = folder!.FullName,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])["--tableHost", "127.0.0.1", "--tablePort", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "--inMemoryPersistence", "--skipApiVersionCheck", "--silent", "--disableTelemetry", "--loose"])
        {
            start.ArgumentList.Add(argument);
        }

        var started = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {binary}.");
        started.OutputDataReceived += (_, _) => { };
        started.ErrorDataReceived += (_, _) => { };
        started.BeginOutputReadLine();
        started.BeginErrorReadLine();
        return started;
    }

    private async Task<bool> ListensAsync(int port)
    {
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < until && process is { HasExited: false })
        {
            using var client = new TcpClient();
            try
            {
                await client.ConnectAsync(IPAddress.Loopback, port);
                return true;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        return false;
    }

    private async Task StopAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process?.Dispose();
        process = null;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Broadcast.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Broadcast.sln above {AppContext.BaseDirectory}.");
    }
}

using System.Diagnostics;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Broadcast.Host.Tests;

/// <summary>
/// A real Azurite queue service for the queue tests: started from <c>tools/azurite</c> (installed by <c>./test.sh</c>)
/// on a free loopback port, in memory, in a temp working folder; killed when the tests end.
/// </summary>
public sealed partial class AzuriteFixture : IAsyncLifetime
{
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private Process? _process;
    private DirectoryInfo? _folder;

    /// <summary>The connection string of the running emulator (the well-known development account).</summary>
    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var binary = await FindOrInstallAsync();
        _folder = Directory.CreateTempSubdirectory("broadcast-azurite-");
        var start = new ProcessStartInfo(binary)
        {
            WorkingDirectory = _folder.FullName,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])["--queueHost", "127.0.0.1", "--queuePort", "0", "--inMemoryPersistence", "--extentMemoryLimit", "64",
                     "--skipApiVersionCheck", "--silent", "--disableTelemetry", "--loose"])
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {binary}.");
        var port = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = new System.Text.StringBuilder();
        _process.OutputDataReceived += (_, line) =>
        {
            if (line.Data is null)
            {
                return;
            }

            lock (output)
            {
                output.AppendLine(line.Data);
            }

            if (ListeningLine().Match(line.Data) is { Success: true } match)
            {
                port.TrySetResult(int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
            }
        };
        _process.ErrorDataReceived += (_, line) =>
        {
            lock (output)
            {
                output.AppendLine(line.Data);
            }
        };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        var finished = await Task.WhenAny(port.Task, _process.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(60)));
        if (finished != port.Task)
        {
            string log;
            lock (output)
            {
                log = output.ToString();
            }

            throw new InvalidOperationException($"Azurite did not start listening ({binary}). Its output:\n{log}");
        }

        var queuePort = await port.Task;
        await WaitForPortAsync(queuePort);
        ConnectionString = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};QueueEndpoint=http://127.0.0.1:{queuePort}/devstoreaccount1;";
    }

    public async Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        try
        {
            _folder?.Delete(recursive: true);
        }
        catch (IOException)
        {
            // Nothing depends on the folder being gone.
        }
    }

    private static async Task<string> FindOrInstallAsync()
    {
        var tools = Path.Combine(RepositoryRoot(), "tools", "azurite");
        var binary = Path.Combine(tools, "node_modules", ".bin", "azurite-queue");
        if (File.Exists(binary))
        {
            return binary;
        }

        // A clone where ./test.sh has not run yet: install the pinned version the way test.sh does.
        using var npm = Process.Start(new ProcessStartInfo("npm", "ci --no-audit --no-fund --loglevel=error") { WorkingDirectory = tools })
            ?? throw new InvalidOperationException("Azurite is missing and npm could not be started; run ./test.sh (it installs tools/azurite).");
        await npm.WaitForExitAsync();
        return File.Exists(binary) && npm.ExitCode == 0
            ? binary
            : throw new InvalidOperationException($"Azurite is missing ({binary}) and 'npm ci' in {tools} failed; run ./test.sh, which installs it.");
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Broadcast.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No Broadcast.sln above {AppContext.BaseDirectory}; the tests run from the repository's build output.");
    }

    private static async Task WaitForPortAsync(int port)
    {
        var ready = await Poll.UntilAsync(async () =>
        {
            using var client = new TcpClient();
            try
            {
                await client.ConnectAsync(System.Net.IPAddress.Loopback, port);
                return true;
            }
            catch (SocketException)
            {
                return false;
            }
        });
        if (!ready)
        {
            throw new InvalidOperationException($"Azurite said it listens on port {port}, but the port does not accept connections.");
        }
    }

    [GeneratedRegex(@"listens on https?://[^:]+:(\d+)")]
    private static partial Regex ListeningLine();
}

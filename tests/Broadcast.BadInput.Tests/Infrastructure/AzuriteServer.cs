using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Broadcast.BadInput.Tests;

/// <summary>Azurite's queue service from <c>tools/azurite</c> (installed by <c>./test.sh</c>) on a free loopback port, in memory.</summary>
public sealed partial class AzuriteServer : IAsyncDisposable
{
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private readonly Process _process;
    private readonly DirectoryInfo _folder;

    private AzuriteServer(Process process, DirectoryInfo folder, int port)
    {
        _process = process;
        _folder = folder;
        ConnectionString = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};QueueEndpoint=http://127.0.0.1:{port}/devstoreaccount1;";
    }

    public string ConnectionString { get; }

    public static async Task<AzuriteServer> StartAsync()
    {
        var tools = Path.Combine(RepositoryRoot.Find(), "tools", "azurite");
        var binary = Path.Combine(tools, "node_modules", ".bin", "azurite-queue");
        if (!File.Exists(binary))
        {
            using var npm = Process.Start(new ProcessStartInfo("npm", "ci --no-audit --no-fund --loglevel=error") { WorkingDirectory = tools })
                ?? throw new InvalidOperationException("Azurite is missing and npm could not be started; run ./test.sh (it installs tools/azurite).");
            await npm.WaitForExitAsync();
        }

        var folder = Directory.CreateTempSubdirectory("broadcast-badinput-azurite-");
        var start = new ProcessStartInfo(binary)
        {
            WorkingDirectory = folder.FullName,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])["--queueHost", "127.0.0.1", "--queuePort", "0", "--inMemoryPersistence", "--skipApiVersionCheck", "--disableTelemetry", "--loose"])
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {binary}.");
        var port = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = new StringBuilder();
        void OnLine(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (output)
            {
                output.AppendLine(line);
            }

            if (ListeningLine().Match(line) is { Success: true } match)
            {
                port.TrySetResult(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture));
            }
        }

        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (await Task.WhenAny(port.Task, Task.Delay(TimeSpan.FromSeconds(60))) != port.Task)
        {
            process.Kill(entireProcessTree: true);
            lock (output)
            {
                throw new InvalidOperationException($"Azurite did not start listening ({binary}). Its output:\n{output}");
            }
        }

        return new AzuriteServer(process, folder, await port.Task);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        try
        {
            _folder.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind changes no result.
        }
    }

    [GeneratedRegex(@"listens on https?://[^:]+:(\d+)")]
    private static partial Regex ListeningLine();
}

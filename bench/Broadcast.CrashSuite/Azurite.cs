using System.Globalization;
using System.Text.RegularExpressions;

namespace Broadcast.CrashSuite;

/// <summary>The Azurite queue service on a free loopback port, in memory; the queues the host reads.</summary>
internal sealed partial class Azurite(ChildProcess process, int port) : IAsyncDisposable
{
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    public string ConnectionString { get; } =
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};QueueEndpoint=http://127.0.0.1:{port}/devstoreaccount1;";

    public static async Task<Azurite> StartAsync(string folder, CancellationToken cancellationToken)
    {
        var listening = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var workFolder = Directory.CreateDirectory(Path.Combine(folder, "azurite")).FullName;
        var process = ChildProcess.Start(
            "azurite",
            RepositoryPaths.AzuriteQueue(),
            ["--queueHost", "127.0.0.1", "--queuePort", "0", "--inMemoryPersistence", "--skipApiVersionCheck", "--disableTelemetry", "--loose"],
            new Dictionary<string, string>(),
            workFolder,
            Path.Combine(folder, "azurite.log"));
        process.Line += line =>
        {
            if (ListeningLine().Match(line) is { Success: true } match)
            {
                listening.TrySetResult(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture));
            }
        };

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        try
        {
            return new Azurite(process, await listening.Task.WaitAsync(timeout.Token));
        }
        catch (OperationCanceledException)
        {
            await process.DisposeAsync();
            throw new InvalidOperationException($"Azurite did not say where it listens within 60 s; see {Path.Combine(folder, "azurite.log")}.");
        }
    }

    public ValueTask DisposeAsync() => process.DisposeAsync();

    [GeneratedRegex(@"listens on https?://[^:]+:(\d+)")]
    private static partial Regex ListeningLine();
}

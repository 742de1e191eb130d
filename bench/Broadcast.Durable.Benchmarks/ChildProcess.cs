using System.Diagnostics;
using System.Globalization;

namespace Broadcast.Durable.Benchmarks;

/// <summary>This benchmark program started again in a child mode, so memory and crashes are measured in a clean process.</summary>
internal sealed class ChildProcess : IDisposable
{
    private readonly Process _process;
    private readonly List<string> _lines = [];
    private readonly SemaphoreSlim _newLine = new(0);

    private ChildProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (_lines)
                {
                    _lines.Add(e.Data);
                }

                _newLine.Release();
            }
        };
        _process.BeginOutputReadLine();
    }

    public static ChildProcess Start(string mode, string databasePath, int count)
    {
        var info = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            info.ArgumentList.Add(typeof(ChildProcess).Assembly.Location);
        }

        foreach (var argument in new[] { "--child", mode, databasePath, count.ToString(CultureInfo.InvariantCulture) })
        {
            info.ArgumentList.Add(argument);
        }

        return new ChildProcess(Process.Start(info)!);
    }

    /// <summary>Waits for a line starting with <paramref name="prefix"/> and returns it.</summary>
    public async Task<string> WaitForLineAsync(string prefix, TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        while (true)
        {
            lock (_lines)
            {
                if (_lines.Find(l => l.StartsWith(prefix, StringComparison.Ordinal)) is { } line)
                {
                    return line;
                }
            }

            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The child exited ({_process.ExitCode}) before printing '{prefix}'.");
            }

            await _newLine.WaitAsync(TimeSpan.FromMilliseconds(200), cancellation.Token).ConfigureAwait(false);
        }
    }

    /// <summary>SIGKILL.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
        _newLine.Dispose();
    }
}

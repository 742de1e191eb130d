using System.Diagnostics;
using System.Reflection;

namespace Broadcast.Durable.Tests;

/// <summary>The crash worker (tests/Broadcast.Durable.CrashWorker) running as a child process.</summary>
public sealed class CrashWorkerProcess : IDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = [];

    private CrashWorkerProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (_output)
                {
                    _output.Add(e.Data);
                }
            }
        };
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (_output)
                {
                    _output.Add("stderr: " + e.Data);
                }
            }
        };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return string.Join(Environment.NewLine, _output);
            }
        }
    }

    public static CrashWorkerProcess Start(string databasePath, string effectsPath, int instances, bool schedule)
    {
        var worker = typeof(CrashWorkerProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "CrashWorkerPath").Value!;
        if (!File.Exists(worker))
        {
            throw new FileNotFoundException("The crash worker is not built; build tests/Broadcast.Durable.Tests first.", worker);
        }

        var host = Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";
        var info = new ProcessStartInfo(host)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { worker, databasePath, effectsPath, instances.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            info.ArgumentList.Add(argument);
        }

        if (schedule)
        {
            info.ArgumentList.Add("--schedule");
        }

        return new CrashWorkerProcess(Process.Start(info)!);
    }

    public Task WaitForOutputAsync(string line, int seconds = 60) =>
        Eventually.TrueAsync(
            () =>
            {
                lock (_output)
                {
                    return _output.Contains(line) || (_process.HasExited && !_output.Contains(line) ? throw new InvalidOperationException("The worker exited early:\n" + string.Join("\n", _output)) : false);
                }
            },
            $"the worker to print {line}",
            seconds);

    /// <summary>SIGKILL: no shutdown code runs.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public async Task<int> WaitForExitAsync(int seconds)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        await _process.WaitForExitAsync(timeout.Token);
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }
}

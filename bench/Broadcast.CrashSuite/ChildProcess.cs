using System.Diagnostics;

namespace Broadcast.CrashSuite;

/// <summary>
/// A process the suite started: its output goes to a log file (kept for a failed run), and it can be killed
/// with SIGKILL (<see cref="Process.Kill()"/> on Linux), which is the crash the suite is about.
/// </summary>
internal sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;
    private StreamWriter? _log;
    private readonly Lock _gate = new();

    private ChildProcess(Process process, StreamWriter log, string name)
    {
        _process = process;
        _log = log;
        Name = name;
    }

    public string Name { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Raised for every output line (stdout and stderr), after it is logged.</summary>
    public event Action<string>? Line;

    public static ChildProcess Start(string name, string fileName, IEnumerable<string> arguments, IDictionary<string, string> environment,
        string workingDirectory, string logPath)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var log = new StreamWriter(logPath, append: true) { AutoFlush = true };
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {name} ({fileName}).");
        var child = new ChildProcess(process, log, name);
        process.OutputDataReceived += (_, e) => child.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => child.OnLine(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>SIGKILL: no shutdown code runs, exactly like a crash.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
    }

    /// <summary>Resident memory of the process in bytes, read from <c>/proc</c> (0 when unavailable).</summary>
    public long ResidentBytes()
    {
        _process.Refresh();
        return _process.HasExited ? 0 : _process.WorkingSet64;
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
        lock (_gate)
        {
            _log?.Dispose();
            _log = null;
        }
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            _log?.WriteLine(line);
        }

        Line?.Invoke(line);
    }
}

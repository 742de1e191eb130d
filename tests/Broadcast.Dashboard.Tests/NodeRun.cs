using System.Diagnostics;
using System.Text;

namespace Broadcast.Dashboard.Tests;

/// <summary>One finished run of a node script: its exit code and everything it printed.</summary>
public sealed record NodeRun(int ExitCode, string Output)
{
    /// <summary>
    /// Runs <c>node</c> with <paramref name="arguments"/> in <paramref name="workingDirectory"/>; a run that outlives
    /// <paramref name="deadline"/> is killed and reported with exit code -1.
    /// </summary>
    public static async Task<NodeRun> RunAsync(string workingDirectory, IEnumerable<string> arguments, TimeSpan deadline)
    {
        var start = new ProcessStartInfo("node")
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

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return new NodeRun(-1, $"node could not be started ({e.Message}): install Node.js 20 or later.");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(deadline);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            Append(output, $"(killed after {deadline.TotalSeconds:0} s)");
            return new NodeRun(-1, Snapshot(output));
        }

        // The parameterless wait drains the redirected streams, so the output is complete.
        process.WaitForExit();
        return new NodeRun(process.ExitCode, Snapshot(output));
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static string Snapshot(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}

using System.Globalization;

namespace Broadcast.Durable.CrashWorker;

/// <summary>
/// Appends one line per side effect to a file. Lines reach the kernel at once, so they survive a
/// SIGKILL of this process; the test reads them to count how often each step ran.
/// </summary>
public sealed class EffectLog(string path)
{
    private readonly Lock _gate = new();

    public void Append(string what, EffectInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var line = string.Create(CultureInfo.InvariantCulture, $"{what} {input.InstanceId} {input.Step}\n");
        lock (_gate)
        {
            File.AppendAllText(path, line);
        }
    }
}

using System.Globalization;

namespace Broadcast.Benchmarks;

/// <summary>Resident memory of a process from <c>/proc/{pid}/status</c>: now (VmRSS) and at its peak (VmHWM).</summary>
internal sealed record ProcessMemory(long ResidentBytes, long PeakResidentBytes)
{
    public static ProcessMemory Of(int processId)
    {
        var lines = File.ReadAllLines($"/proc/{processId.ToString(CultureInfo.InvariantCulture)}/status");
        return new ProcessMemory(Kilobytes(lines, "VmRSS:") * 1024, Kilobytes(lines, "VmHWM:") * 1024);
    }

    private static long Kilobytes(string[] lines, string field)
    {
        var line = lines.FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"/proc status has no {field}");
        return long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }
}

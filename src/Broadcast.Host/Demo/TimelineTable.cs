using System.Globalization;
using System.Text;
using Broadcast.Sessions;

namespace Broadcast.Host;

/// <summary>A session's timeline as a plain-text table, times relative to the first entry.</summary>
public static class TimelineTable
{
    /// <summary>Formats <paramref name="timeline"/>; one row per entry.</summary>
    public static string Format(IReadOnlyList<TimelineEntry> timeline)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        var origin = timeline.Count > 0 ? timeline[0].At : default;
        string[] header = ["time", "kind", "operation", "try", "code", "what happened"];
        var rows = timeline.Select(entry => new[]
        {
            "+" + (entry.At - origin).TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture) + "s",
            entry.Kind.ToString(),
            entry.Operation ?? "",
            entry.Attempt?.ToString(CultureInfo.InvariantCulture) ?? "",
            entry.Code?.ToString(CultureInfo.InvariantCulture) ?? "",
            entry.Delay is { } delay ? $"{entry.Message} (wait {delay})" : entry.Message,
        }).ToList();

        var widths = Enumerable.Range(0, header.Length - 1)
            .Select(column => rows.Select(row => row[column].Length).Append(header[column].Length).Max())
            .ToArray();
        var text = new StringBuilder();
        AppendRow(text, header, widths);
        AppendRow(text, [.. widths.Select(width => new string('-', width)), "-------------"], widths);
        foreach (var row in rows)
        {
            AppendRow(text, row, widths);
        }

        return text.ToString();
    }

    private static void AppendRow(StringBuilder text, string[] cells, int[] widths)
    {
        text.Append("  ");
        for (var column = 0; column < widths.Length; column++)
        {
            text.Append(cells[column].PadRight(widths[column] + 2));
        }

        text.Append(cells[^1]).Append('\n');
    }
}

using System.Globalization;

namespace Broadcast.Benchmarks;

/// <summary>The command line: <c>[--quick] [--levels 10,100,1000] [--pairs 3] [--paced 1000@200|none] [--waiting 10000] [--out DIR] [--trace] [--set Section:Key=value]...</c>.</summary>
internal sealed record BenchOptions
{
    public bool Quick { get; init; }

    /// <summary>The concurrency levels measured (sessions in flight at once).</summary>
    public IReadOnlyList<int> Levels { get; init; } = [10, 100, 1000];

    /// <summary>
    /// Back-to-back pairs of an orchestrated run and a plain loop measured at each level. The machine's speed drifts
    /// (it is shared), so each pair's ratio is taken from two runs a few seconds apart, and the level reports the median.
    /// </summary>
    public int Pairs { get; init; } = 3;

    /// <summary>The paced run's load: sessions in flight and arrivals per second (the throughput target at 1,000); null skips it.</summary>
    public (int Concurrency, double Rate)? Paced { get; init; } = (1000, 200);

    /// <summary>Sessions measured in the paced run, after the first <c>concurrency</c> that ramp the load up.</summary>
    public int PacedSessions(int concurrency) => Quick ? Math.Max(100, concurrency) : Math.Max(2_000, 2 * concurrency);

    /// <summary>How many sessions wait for their join signal in the memory run.</summary>
    public int Waiting { get; init; } = 10_000;

    public string? OutputDirectory { get; init; }

    /// <summary>Host settings that override the defaults (<c>--set Engine:DurableCommits=false</c>), for tuning experiments.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>Print the timeline of one measured session per level, to see where its time goes.</summary>
    public bool Trace { get; init; }

    public const string Usage = "usage: bench [--quick] [--levels 10,100,1000] [--pairs 3] [--paced 1000@200|none] [--waiting 10000] [--out DIR] [--trace] [--set Section:Key=value]...";

    /// <summary>Sessions measured at one level: enough for a steady state, a few times the concurrency.</summary>
    public int SessionsAt(int concurrency) => Quick ? Math.Max(100, 2 * concurrency) : Math.Max(500, 5 * concurrency);

    /// <summary>Sessions in each warm-up round, in the orchestrated run and again in the plain loop.</summary>
    public int WarmupAt(int concurrency) => Quick ? Math.Max(50, concurrency) : Math.Max(1_000, 2 * concurrency);

    /// <summary>At most this many warm-up rounds, in case compiling never settles.</summary>
    public int MaxWarmupRounds => Quick ? 3 : 8;

    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchOptions();
        var quick = args.Contains("--quick");
        if (quick)
        {
            options = options with { Quick = true, Levels = [10, 50], Pairs = 1, Paced = (50, 50), Waiting = 1_000 };
        }

        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--quick":
                    break;
                case "--set" when i + 1 < args.Count && args[i + 1].Split('=', 2) is [{ Length: > 0 } key, var value]:
                    options = options with { Settings = new Dictionary<string, string>(options.Settings) { [key] = value } };
                    i++;
                    break;
                case "--trace":
                    options = options with { Trace = true };
                    break;
                case "--levels" when i + 1 < args.Count:
                    options = options with { Levels = [.. args[++i].Split(',').Select(level => Int("--levels", level, 1, 100_000))] };
                    break;
                case "--pairs" when i + 1 < args.Count:
                    options = options with { Pairs = Int("--pairs", args[++i], 1, 100) };
                    break;
                case "--paced" when i + 1 < args.Count:
                    options = options with { Paced = ParsePaced(args[++i]) };
                    break;
                case "--waiting" when i + 1 < args.Count:
                    options = options with { Waiting = Int("--waiting", args[++i], 1, 1_000_000) };
                    break;
                case "--out" when i + 1 < args.Count:
                    options = options with { OutputDirectory = args[++i] };
                    break;
                default:
                    throw new ArgumentException($"Unknown or incomplete option '{args[i]}'.");
            }
        }

        return options;
    }

    private static (int, double)? ParsePaced(string value) => value switch
    {
        "none" => null,
        _ when value.Split('@') is [var concurrency, var rate] => (Int("--paced", concurrency, 1, 100_000), Int("--paced", rate, 1, 100_000)),
        _ => throw new ArgumentException($"--paced takes CONCURRENCY@RATE (e.g. 1000@200) or none, not '{value}'."),
    };

    private static int Int(string name, string value, int min, int max) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? n
            : throw new ArgumentException($"{name} takes integers from {min} to {max}, not '{value}'.");
}

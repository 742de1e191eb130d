using System.Globalization;

namespace Broadcast.CrashSuite;

/// <summary>The suite's command line: <c>--sessions N --kills K --seed S [--fault-rate R] [--timeout-minutes M] [--keep]</c>.</summary>
internal sealed record SuiteOptions
{
    public int Sessions { get; init; } = 500;

    public int Kills { get; init; } = 10;

    public int Seed { get; init; } = 20_240_601;

    /// <summary>The share of vendor calls the simulator faults (transient codes, HTTP 500, drops, latency).</summary>
    public double FaultRate { get; init; } = 0.1;

    /// <summary>The whole run must be over by then; sessions still running count as violations.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(8);

    /// <summary>Keep the temp folder (database, logs) even when the run passes.</summary>
    public bool Keep { get; init; }

    public const string Usage =
        "usage: crash-suite [--sessions N (500)] [--kills K (10)] [--seed S] [--fault-rate R (0.1)] [--timeout-minutes M (8)] [--keep]";

    /// <summary>Reads the arguments; throws <see cref="ArgumentException"/> naming the bad one.</summary>
    public static SuiteOptions Parse(IReadOnlyList<string> args)
    {
        var options = new SuiteOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name == "--keep")
            {
                options = options with { Keep = true };
                continue;
            }

            if (i + 1 >= args.Count)
            {
                throw new ArgumentException($"{name} needs a value.");
            }

            var value = args[++i];
            options = name switch
            {
                "--sessions" => options with { Sessions = Int(name, value, 1, 100_000) },
                "--kills" => options with { Kills = Int(name, value, 0, 1_000) },
                "--seed" => options with { Seed = Int(name, value, int.MinValue, int.MaxValue) },
                "--fault-rate" => options with { FaultRate = Rate(name, value) },
                "--timeout-minutes" => options with { Timeout = TimeSpan.FromMinutes(Int(name, value, 1, 600)) },
                _ => throw new ArgumentException($"Unknown option '{name}'."),
            };
        }

        return options;
    }

    private static int Int(string name, string value, int min, int max) =>
        int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? n
            : throw new ArgumentException($"{name} must be an integer from {min} to {max}, not '{value}'.");

    private static double Rate(string name, string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var r) && r is >= 0 and <= 1
            ? r
            : throw new ArgumentException($"{name} must be a number from 0 to 1, not '{value}'.");
}

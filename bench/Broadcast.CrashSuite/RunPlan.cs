using Broadcast.Sessions;

namespace Broadcast.CrashSuite;

/// <summary>
/// Everything the run will do, drawn from one seeded <see cref="Random"/>: the sessions (when, how, with what
/// timeouts, joins and cancels) and the moments the host is killed. The same seed gives the same plan.
/// </summary>
internal sealed record RunPlan(IReadOnlyList<SessionPlan> Sessions, IReadOnlyList<TimeSpan> Kills, TimeSpan CreationWindow)
{
    private const uint FirstRoom = 300_000;

    public static RunPlan Create(SuiteOptions options)
    {
        var random = new Random(options.Seed);

        // Spread creations so the host always has sessions in every phase when it is killed.
        var window = TimeSpan.FromSeconds(Math.Clamp(options.Sessions * 0.12, 15, 120));
        var sessions = Enumerable.Range(0, options.Sessions).Select(i => Session(i, options.Seed, window, random)).ToList();

        // Kills fall while sessions are being created, joined, live and stopped: until the last ones can end.
        var lastKill = window + TimeSpan.FromSeconds(20);
        var kills = Enumerable.Range(0, options.Kills)
            .Select(_ => Seconds(random, 3, lastKill.TotalSeconds))
            .Order()
            .ToList();
        return new RunPlan(sessions, kills, window);
    }

    private static SessionPlan Session(int index, int seed, TimeSpan window, Random random)
    {
        var request = new SessionRequest
        {
            RoomId = FirstRoom + (uint)index,
            UserId = $"anchor-{index}",
            Key = $"crash-{seed}-{index}",
            ChannelName = $"Crash suite {index}",
            Recording = Recording(index, random),
            JoinTimeout = Seconds(random, 5, 25),
            MaxDuration = Seconds(random, 2, 15),
        };

        var joins = random.NextDouble() < 0.8;
        return new SessionPlan(
            index,
            request,
            random.NextDouble() < 0.65 ? Channel.Http : Channel.Queue,
            Seconds(random, 0, window.TotalSeconds),
            joins ? Seconds(random, 0.2, 8) : null,
            (JoinSignal)random.Next(4),
            random.NextDouble() < 0.35 ? Seconds(random, 0.5, 25) : null);
    }

    private static RecordingSettings? Recording(int index, Random random)
    {
        var pick = random.NextDouble();
        var required = random.NextDouble() < 0.7;
        return pick switch
        {
            < 0.4 => null,
            < 0.65 => new RecordingSettings { Mode = RecordingMode.Tape, FileName = $"crash-{index}", Required = required },
            _ => new RecordingSettings { Mode = RecordingMode.Separate, FileName = $"crash-{index}", Required = required },
        };
    }

    // Whole milliseconds: the request's TimeSpans round-trip through JSON exactly, so a retried create matches.
    private static TimeSpan Seconds(Random random, double min, double max) =>
        TimeSpan.FromMilliseconds(Math.Round((min + (random.NextDouble() * (max - min))) * 1000));
}

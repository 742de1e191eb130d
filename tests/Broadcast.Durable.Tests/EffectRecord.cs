namespace Broadcast.Durable.Tests;

/// <summary>The side effects the crash worker's activities wrote: how often each step started and finished.</summary>
public sealed class EffectRecord
{
    private EffectRecord(Dictionary<(string Instance, int Step), (int Starts, int Dones)> steps)
    {
        Steps = steps;
    }

    public IReadOnlyDictionary<(string Instance, int Step), (int Starts, int Dones)> Steps { get; }

    /// <summary>Steps that started and had not finished (a kill landed in the activity).</summary>
    public int Unfinished => Steps.Values.Count(s => s.Starts > s.Dones);

    /// <summary>Instances that finished step 2 and had not started step 3: waiting on their durable timer.</summary>
    public int WaitingOnTimer => Steps.Keys.Select(k => k.Instance).Distinct()
        .Count(i => Steps.TryGetValue((i, 2), out var two) && two.Dones > 0 && !Steps.ContainsKey((i, 3)));

    public static EffectRecord Read(string path)
    {
        var steps = new Dictionary<(string, int), (int Starts, int Dones)>();
        if (!File.Exists(path))
        {
            return new EffectRecord(steps);
        }

        foreach (var line in File.ReadAllLines(path))
        {
            var parts = line.Split(' ');
            if (parts.Length != 3)
            {
                continue; // a line cut short by the kill
            }

            var key = (parts[1], int.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture));
            var (starts, dones) = steps.GetValueOrDefault(key);
            steps[key] = parts[0] == "start" ? (starts + 1, dones) : (starts, dones + 1);
        }

        return new EffectRecord(steps);
    }
}

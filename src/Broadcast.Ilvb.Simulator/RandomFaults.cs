namespace Broadcast.Ilvb.Simulator;

/// <summary>
/// Faults at a rate: each call of a targeted operation is faulted with probability
/// <paramref name="Rate"/>, the kind picked among <paramref name="Kinds"/>. For a given seed the
/// same sequence of calls meets the same faults.
/// </summary>
/// <param name="Rate">Probability in [0, 1] that a call is faulted.</param>
/// <param name="Seed">Seed of the random sequence.</param>
/// <param name="Kinds">The kinds to pick from.</param>
public sealed record RandomFaults(double Rate, int Seed, RandomFaultKinds Kinds = RandomFaultKinds.All)
{
    /// <summary>The most latency a <see cref="RandomFaultKinds.Latency"/> fault adds.</summary>
    public TimeSpan MaxLatency { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The operations faulted; null means all four.</summary>
    public IReadOnlyCollection<SimOperation>? Operations { get; init; }

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first bad setting.</summary>
    public void Validate()
    {
        if (double.IsNaN(Rate) || Rate is < 0 or > 1)
        {
            throw new ArgumentException($"RandomFaults.Rate must be between 0 and 1, not {Rate}.", nameof(Rate));
        }

        if ((Kinds & RandomFaultKinds.All) == RandomFaultKinds.None)
        {
            throw new ArgumentException("RandomFaults.Kinds must name at least one fault kind.", nameof(Kinds));
        }

        if (MaxLatency < TimeSpan.Zero)
        {
            throw new ArgumentException("RandomFaults.MaxLatency must not be negative.", nameof(MaxLatency));
        }
    }
}

namespace Broadcast.Benchmarks;

/// <summary>One target of the issue against the figure measured for it.</summary>
internal sealed record TargetCheck(string Name, string Target, string Measured, bool Met, string? Note = null);

namespace Broadcast.Benchmarks;

/// <summary>The host's resident memory idle and with <see cref="Waiting"/> sessions waiting for their join signal.</summary>
internal sealed record MemoryFigures(int Waiting, int VerifiedWaiting, long IdleResidentBytes, long WaitingResidentBytes, long PeakResidentBytes);

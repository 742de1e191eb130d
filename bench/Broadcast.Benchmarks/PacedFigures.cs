namespace Broadcast.Benchmarks;

/// <summary>
/// The paced run: the load asked for (sessions in flight, arrivals per second), the arrival rate the driver kept, how
/// many sessions were in flight as each measured one arrived, the median session's lifetime, and join→push latency.
/// </summary>
internal sealed record PacedFigures(
    int Concurrency,
    double RatePerSecond,
    int Sessions,
    double ArrivalsPerSecond,
    int MinInFlight,
    int MedianInFlight,
    double MedianLifetimeMs,
    double JoinToPushP50Ms,
    double JoinToPushP99Ms,
    double JoinToPushMaxMs);
